<?php
// The Laravel jobs of the tests: each handle() prints the class and properties it sees as a JSON line.
namespace App\Jobs;

use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldBeEncrypted;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Queue\InteractsWithQueue;

abstract class PrintingJob implements ShouldQueue
{
    use Queueable, InteractsWithQueue;

    public function __construct(public int $id, protected string $name)
    {
    }

    public function handle(): void
    {
        echo json_encode(['class' => static::class, 'id' => $this->id, 'name' => $this->name]), "\n";
    }
}

class RegisterUser extends PrintingJob
{
    public $tries = 3;
    public $backoff = [1, 2];
}

class SendWelcomeMail extends PrintingJob
{
}

class CloseAccount extends PrintingJob
{
    private string $reason = 'asked';

    public function __construct(int $id, string $name, string $reason)
    {
        parent::__construct($id, $name);
        $this->reason = $reason;
    }
}

class FailingJob extends PrintingJob
{
    public $tries = 2;
    public $backoff = 1;
}

class SendSecret extends PrintingJob implements ShouldBeEncrypted
{
}
