"""De rekenkern van avdesk: toeslagen, referentiehuishouden, casus en berekening.

Niets hieronder importeert Qt, leest de keyring of schrijft bestanden (tests bewaken dat)."""
