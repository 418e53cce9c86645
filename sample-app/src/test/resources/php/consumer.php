<?php
// The classic Pheanstalk consumer: reserves a job of tube userReg, json_decodes it and deletes it.
// Usage: php consumer.php HOST PORT TIMEOUT_SECONDS; prints {"jobId":..,"id":..,"name":..} or exits 3 on timeout.
require_once '/usr/share/php/Pheanstalk/autoload.php';

use Pheanstalk\Pheanstalk;

[, $host, $port, $timeout] = $argv;
$pheanstalk = Pheanstalk::create($host, (int) $port);
$job = $pheanstalk->watch('userReg')->ignore('default')->reserveWithTimeout((int) $timeout);
if ($job === null) {
    fwrite(STDERR, "no job in tube userReg within $timeout s\n");
    exit(3);
}
$user = json_decode($job->getData());
$pheanstalk->delete($job);
echo json_encode(['jobId' => (int) $job->getId(), 'id' => $user->id, 'name' => $user->name]), "\n";
