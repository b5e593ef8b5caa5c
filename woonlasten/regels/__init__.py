"""The domain rules, one concept per module. Each module declares its rules (:class:`woonlasten.rekenen.regel.Regel`):
what they read, what they write, which tables they use, and how they are explained."""
