<?php
// Runs the next job of a tube with Laravel's own queue worker (Illuminate\Queue\Worker): it pops the job, fires it
// (the job's handle() prints what it sees) and deletes it. Usage: php laravel-work.php HOST PORT TUBE
require __DIR__ . '/laravel.php';

use Illuminate\Contracts\Debug\ExceptionHandler;
use Illuminate\Queue\Worker;
use Illuminate\Queue\WorkerOptions;

[, $host, $port, $tube] = $argv;
$queue = laravel_queue($host, (int) $port);
$failures = new class implements ExceptionHandler {
    public function report(Throwable $e) { fwrite(STDERR, $e . "\n"); exit(4); }
    public function shouldReport(Throwable $e) { return true; }
    public function render($request, Throwable $e) { }
    public function renderForConsole($output, Throwable $e) { }
};
$worker = new Worker($queue->getQueueManager(), new Illuminate\Events\Dispatcher($queue->getContainer()), $failures,
    fn () => false);
$worker->runNextJob('default', $tube, new WorkerOptions());
