"""Input (:class:`Casus`) and result (:class:`Resultaat`) models: the public contract of the calculator.

Bounds on inputs live in :data:`GRENZEN`, shared with the column-wise checks of a portfolio, so that a single case
and a portfolio row are accepted or refused by the same rule.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator

ENERGIELABELS = ("A++++", "A+++", "A++", "A+", "A", "B", "C", "D", "E", "F", "G")
WONINGTYPES = ("appartement", "appartement_hoogbouw", "tussenwoning", "hoekwoning", "twee-onder-een-kap",
               "vrijstaand")
VERWARMINGEN = ("gasketel", "hybride_warmtepomp", "warmtepomp")
ROLLEN = ("huurder", "eigenaar")

Energielabel = Literal["A++++", "A+++", "A++", "A+", "A", "B", "C", "D", "E", "F", "G"]
Woningtype = Literal["appartement", "appartement_hoogbouw", "tussenwoning", "hoekwoning", "twee-onder-een-kap",
                     "vrijstaand"]
Verwarming = Literal["gasketel", "hybride_warmtepomp", "warmtepomp"]

# (minimum, maximum) per input field; used by the pydantic models and by the portfolio's column checks.
GRENZEN: dict[str, tuple[float, float]] = {
    "oppervlakte_m2": (10, 1000),
    "bouwjaar": (1500, 2100),
    "woz_waarde": (0, 10_000_000),
    "personen": (1, 12),
    "kale_huur": (0, 10_000),
    "servicekosten": (0, 2_000),
    "gas_m3": (0, 20_000),
    "elektriciteit_kwh": (0, 50_000),
    "gas_leveringsprijs_m3": (0, 10),
    "elektriciteit_leveringsprijs_kwh": (0, 5),
    "vaste_leveringskosten_jaar": (0, 5_000),
    "huurverhoging": (0, 2_000),
    "hoeveelheid": (0, 10_000),
}


def _veld(naam: str, beschrijving: str, default=..., **kw):
    laag, hoog = GRENZEN[naam]
    return Field(default, ge=laag, le=hoog, description=beschrijving, **kw)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Woning(_Model):
    woningtype: Woningtype = Field(description="Soort woning.")
    oppervlakte_m2: float = _veld("oppervlakte_m2", "Gebruiksoppervlakte [m²].")
    energielabel: Energielabel = Field(description="Huidig energielabel (NTA 8800).")
    bouwjaar: Optional[int] = _veld("bouwjaar", "Bouwjaar (informatief).", None)
    verwarming: Verwarming = Field("gasketel", description="Huidige verwarming.")
    woz_waarde: Optional[float] = _veld("woz_waarde", "WOZ-waarde [€] (nodig voor een eigenaar).", None)


class Huishouden(_Model):
    personen: int = _veld("personen", "Aantal bewoners.", 2)


class Huur(_Model):
    kale_huur: float = _veld("kale_huur", "Kale huur [€/maand].", 0.0)
    servicekosten: float = _veld("servicekosten", "Servicekosten [€/maand].", 0.0)


class Verbruik(_Model):
    gas_m3: Optional[float] = _veld("gas_m3", "Eigen gasverbruik volgens de jaarafrekening [m³/jaar].", None)
    elektriciteit_kwh: Optional[float] = _veld(
        "elektriciteit_kwh", "Eigen elektriciteitsverbruik (netto van het net) [kWh/jaar].", None)


class Contract(_Model):
    gas_leveringsprijs_m3: Optional[float] = _veld(
        "gas_leveringsprijs_m3", "Kale leveringsprijs gas excl. energiebelasting en btw [€/m³].", None)
    elektriciteit_leveringsprijs_kwh: Optional[float] = _veld(
        "elektriciteit_leveringsprijs_kwh", "Kale leveringsprijs stroom excl. energiebelasting en btw [€/kWh].", None)
    vaste_leveringskosten_jaar: Optional[float] = _veld(
        "vaste_leveringskosten_jaar", "Vaste leveringskosten gas + stroom samen, excl. btw [€/jaar].", None)


class Maatregel(_Model):
    naam: str = Field(description="Sleutel uit labels/maatregelen.csv, bv. 'spouwmuurisolatie'.")
    hoeveelheid: Optional[float] = _veld("hoeveelheid", "m², panelen of toestellen; leeg = standaard.", None)


class Ingreep(_Model):
    naar_label: Optional[Energielabel] = Field(None, description="Energielabel na de ingreep.")
    maatregelen: list[Union[str, Maatregel]] = Field(default_factory=list, description="Maatregelen.")
    huurverhoging: Optional[float] = _veld(
        "huurverhoging", "Afgesproken huurverhoging [€/maand]; leeg = volgens de regels.", None)

    @field_validator("maatregelen")
    @classmethod
    def _als_objecten(cls, waarde: list) -> list:
        return [Maatregel(naam=m) if isinstance(m, str) else m for m in waarde]


class Casus(_Model):
    """One household in one dwelling on one peildatum, optionally with an upgrade (ingreep)."""

    peildatum: dt.date = Field(description="Datum waarop tarieven en regels gelden (een jaar verbruik).")
    gemeente: str = Field(min_length=1, max_length=80, description="Gemeente (zoals COELO die schrijft).")
    rol: Literal["huurder", "eigenaar"] = "huurder"
    woning: Woning
    huishouden: Huishouden = Field(default_factory=Huishouden)
    huur: Huur = Field(default_factory=Huur)
    verbruik: Verbruik = Field(default_factory=Verbruik)
    contract: Contract = Field(default_factory=Contract)
    ingreep: Optional[Ingreep] = None


# ----------------------------------------------------------------------------------------------------------
# Results (all money in € per month, rounded to cents)


class HuurDelen(BaseModel):
    kale_huur: float
    servicekosten: float
    huurverhoging: float
    totaal: float


class EnergieDelen(BaseModel):
    gas: float
    elektriciteit: float
    totaal: float


class LokaleLastenDelen(BaseModel):
    afvalstoffenheffing: float
    rioolheffing: float
    ozb: float
    waterschap: float
    totaal: float


class Woonlasten(BaseModel):
    huur: HuurDelen
    energie: EnergieDelen
    lokale_lasten: LokaleLastenDelen
    totaal: float


class VerbruikResultaat(BaseModel):
    gas_m3_voor: float
    elektriciteit_kwh_voor: float
    gas_m3_na: Optional[float] = None
    elektriciteit_kwh_na: Optional[float] = None
    herkomst: Literal["eigen", "geschat", "deels eigen"]
    energielabel_voor: str
    energielabel_na: Optional[str] = None
    verwarming_voor: str
    verwarming_na: Optional[str] = None


class Toelichting(BaseModel):
    onderwerp: str
    tekst: str
    bron: Optional[str] = None
    status: Optional[str] = None


class Resultaat(BaseModel):
    """What a household pays per month before and after, and why (``toelichting``)."""

    peildatum: dt.date
    gemeente: str
    rol: str
    voor: Woonlasten
    na: Optional[Woonlasten] = None
    verschil: Optional[Woonlasten] = None
    verbruik: VerbruikResultaat
    woonlastenneutraal: Optional[bool] = None
    toelichting: list[Toelichting]
