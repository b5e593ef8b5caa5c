from woonlasten.cli import main

raise SystemExit(main())
