<?php
// Moves a job back from a dead-letter tube into the tube it failed in, body, priority and TTR unchanged, as a PHP
// admin script would: put first, then delete, so a crash in between leaves a copy rather than a loss.
// Usage: php requeue.php HOST PORT FROM_TUBE TO_TUBE; prints the new job's id, or exits 3 if FROM_TUBE has no job.
require_once '/usr/share/php/Pheanstalk/autoload.php';

use Pheanstalk\Pheanstalk;

[, $host, $port, $from, $to] = $argv;
$pheanstalk = Pheanstalk::create($host, (int) $port);
$job = $pheanstalk->watch($from)->ignore('default')->reserveWithTimeout(5);
if ($job === null) {
    fwrite(STDERR, "no job in tube $from within 5 s\n");
    exit(3);
}
$stats = $pheanstalk->statsJob($job);
$moved = $pheanstalk->useTube($to)->put($job->getData(), (int) $stats['pri'], 0, (int) $stats['ttr']);
$pheanstalk->delete($job);
echo $moved->getId(), "\n";
