"""`python -m avdesk` is hetzelfde als de opdracht `avdesk`."""
import sys

from .cli import main

sys.exit(main())
