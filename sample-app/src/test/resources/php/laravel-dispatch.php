<?php
// Dispatches a Laravel job, as an app's dispatch(new RegisterUser($id, $name)) does.
// Usage: php laravel-dispatch.php HOST PORT TUBE CLASS ID NAME [EXTRA]; CLASS is short (RegisterUser); prints the job id.
require __DIR__ . '/laravel.php';

[, $host, $port, $tube, $class, $id, $name] = $argv;
$class = 'App\\Jobs\\' . $class;
$job = isset($argv[7]) ? new $class((int) $id, $name, $argv[7]) : new $class((int) $id, $name);
echo laravel_queue($host, (int) $port)->getConnection()->push($job, '', $tube)->getId(), "\n";
