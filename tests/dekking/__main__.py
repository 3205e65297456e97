import sys

from .rapport import main

sys.exit(main())
