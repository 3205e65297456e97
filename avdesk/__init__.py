"""avdesk: compensatie alleenverdienersproblematiek berekenen, vastleggen en aanvragen.

Het pakket is opgedeeld in core (rekenkern, zonder Qt), cli en later store, export en ui."""

__version__ = "0.1.0"
