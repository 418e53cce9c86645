<?php
// The Symfony Messenger messages of the tests.
namespace App\Message;

class RegisterUser
{
    public function __construct(public int $id, public string $name)
    {
    }
}

class SendWelcomeMail
{
    public function __construct(private int $id, private string $name)
    {
    }

    public function getId(): int
    {
        return $this->id;
    }

    public function getName(): string
    {
        return $this->name;
    }
}
