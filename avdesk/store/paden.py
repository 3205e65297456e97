"""De datamap staat in core/paden (core heeft hem nodig voor eigen parameters en de TOML-cache); hier ook te importeren,
zoals de opslag, het venster en de tests hem altijd vroegen."""

from ..core.paden import datamap as datamap
