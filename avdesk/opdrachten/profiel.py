def registreer(sub) -> None:
    pass
