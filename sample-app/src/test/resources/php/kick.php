<?php
// Kicks a buried job, as a PHP admin script would.
// Usage: php kick.php HOST PORT JOB_ID; prints how many times the job has been kicked.
require_once '/usr/share/php/Pheanstalk/autoload.php';

use Pheanstalk\JobId;
use Pheanstalk\Pheanstalk;

[, $host, $port, $id] = $argv;
$pheanstalk = Pheanstalk::create($host, (int) $port);
$job = new JobId((int) $id);
$pheanstalk->kickJob($job);
echo $pheanstalk->statsJob($job)['kicks'], "\n";
