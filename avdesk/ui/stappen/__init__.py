"""De pagina's van de wizard, een module per stap of kleine groep: basis (Stap, Rekenstap, titels), gegevens (stap
1-3), periodes en periodetabellen (de editor van stap 2), tekort (stap 4-8), terugvordering (stap 9-11), wtrap en
afronding."""

from .afronding import Afronding
from .basis import AFRONDING, NAMEN, TITELS_STAPPEN, WTRAP, Rekenstap, Stap, paginatitel
from .gegevens import Stap1, Stap2, Stap3
from .tekort import Stap4, Stap5, Stap6, Stap7, Stap8
from .terugvordering import Stap9, Stap10, Stap11
from .wtrap import StapWtrap

__all__ = ["AFRONDING", "NAMEN", "TITELS_STAPPEN", "WTRAP", "Afronding", "Rekenstap", "Stap", "Stap1", "Stap2", "Stap3",
           "Stap4", "Stap5", "Stap6", "Stap7", "Stap8", "Stap9", "Stap10", "Stap11", "StapWtrap", "paginatitel"]
