<?php
// The classic Pheanstalk producer: puts json_encode(['id' => ..., 'name' => ...]) into tube userReg.
// Usage: php producer.php HOST PORT ID NAME; prints the job id.
require_once '/usr/share/php/Pheanstalk/autoload.php';

use Pheanstalk\Pheanstalk;

[, $host, $port, $id, $name] = $argv;
$pheanstalk = Pheanstalk::create($host, (int) $port);
$job = $pheanstalk->useTube('userReg')->put(json_encode(['id' => (int) $id, 'name' => $name]));
echo $job->getId(), "\n";
