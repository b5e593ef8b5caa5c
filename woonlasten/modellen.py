"""Input (:class:`Casus`) and result (:class:`Resultaat`) models: the public contract of the calculator.

Bounds on inputs live in :data:`GRENZEN`, shared with the column-wise checks of a portfolio, so that a single case
and a portfolio row are accepted or refused by the same rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, create_model, field_validator

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
    "prijs_per_eenheid": (0, 100_000),
    "looptijd_jaar": (1, 40),
    "rente_pct": (0, 20),
    "hypotheeklasten_maand": (0, 20_000),
    "warmtepomp_kw": (1, 40),
    "investering": (0, 500_000),
    "zon_eigen_verbruik_aandeel": (0, 1),
    "terugleververgoeding_kwh": (0, 2),
    "inkomen_jaar": (0, 1_000_000),
    "wws_punten": (0, 1_000),
    "epv_warmtevraag_kwh_m2": (0, 200),
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
    wws_punten: Optional[float] = _veld(
        "wws_punten", "Huidig totaal aan WWS-punten (voor de maximale huur vóór en na; leeg = niet tonen).", None)


class Huishouden(_Model):
    personen: int = _veld("personen", "Aantal bewoners.", 2)
    inkomen_jaar: Optional[float] = _veld(
        "inkomen_jaar", "Verzamelinkomen van het huishouden [€/jaar] (voor de huurtoeslag; leeg = niet berekenen).",
        None)
    aow: bool = Field(False, description="Huurder of partner heeft de AOW-leeftijd (huurtoeslag t/m 2024).")


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
    prijs_per_eenheid: Optional[float] = _veld(
        "prijs_per_eenheid", "Eigen offerteprijs per eenheid incl. btw [€]; leeg = standaardprijs.", None)


class Ingreep(_Model):
    naar_label: Optional[Energielabel] = Field(None, description="Energielabel na de ingreep.")
    maatregelen: list[Union[str, Maatregel]] = Field(default_factory=list, description="Maatregelen.")
    huurverhoging: Optional[float] = _veld(
        "huurverhoging", "Afgesproken huurverhoging [€/maand]; leeg = volgens de regels.", None)
    nieuwe_verhuring: bool = Field(False, description="Nieuwe verhuring in plaats van een zittende huurder.")
    epv_warmtevraag_kwh_m2: Optional[float] = _veld(
        "epv_warmtevraag_kwh_m2", "Nul-op-de-meter: netto warmtevraag [kWh/m²·jaar] voor de maximale EPV.", None)

    @field_validator("maatregelen")
    @classmethod
    def _als_objecten(cls, waarde: list) -> list:
        return [Maatregel(naam=m) if isinstance(m, str) else m for m in waarde]


class Financiering(_Model):
    """How an owner or buyer pays for the measures (used with rol 'eigenaar')."""

    vorm: Literal["warmtefonds", "hypotheek", "eigen_geld"] = Field(
        "warmtefonds", description="Energiebespaarlening van het Warmtefonds, meefinancieren in de hypotheek, of "
                                   "eigen geld.")
    looptijd_jaar: Optional[int] = _veld("looptijd_jaar", "Looptijd van de lening [jaar].", None)
    rente_pct: Optional[float] = _veld(
        "rente_pct", "Rente [% per jaar]; leeg = Warmtefonds-regel van de datum (hypotheek: verplicht).", None)
    eerdere_isolatiemaatregel: bool = Field(
        False, description="In de 24 maanden ervoor al een ISDE-isolatiemaatregel: dubbel ISDE-bedrag.")
    hypotheeklasten_maand: Optional[float] = _veld(
        "hypotheeklasten_maand", "Bestaande hypotheeklasten [€/maand], vóór en na gelijk (koper/eigenaar).", None)
    warmtepomp_kw: Optional[float] = _veld("warmtepomp_kw", "Vermogen van de warmtepomp [kW] voor de ISDE.", None)
    investering: Optional[float] = _veld(
        "investering", "Totale investering incl. btw [€]; leeg = som van de maatregelen.", None)
    zon_eigen_verbruik_aandeel: Optional[float] = _veld(
        "zon_eigen_verbruik_aandeel", "Deel van de zonnestroom dat zelf wordt gebruikt (0-1); leeg = standaard.", None)
    terugleververgoeding_kwh: Optional[float] = _veld(
        "terugleververgoeding_kwh", "Terugleververgoeding na de saldering [€/kWh excl. btw]; leeg = wettelijk "
                                    "minimum.", None)


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
    financiering: Optional[Financiering] = None


# ----------------------------------------------------------------------------------------------------------
# Results (all money in € per month, rounded to cents)


@dataclass(frozen=True)
class Onderdeel:
    """One amount of a part of the woonlasten [€/maand], e.g. ``energie.gas``."""

    naam: str
    label: str  # in tables (app, printable advice)
    kort: str | None = None  # in the terminal (CLI); None = label
    beschrijving: str | None = None
    standaard: float | None = None  # the result model's default; None = always given
    in_totaal: bool = True  # counts in the woonlasten total (huurtoeslag and net rent do not)
    uitsplitsing: bool = True  # a line under its part in the terminal's breakdown
    grafiek: str | None = None  # the group of the stacked chart it falls in (None = not drawn on its own)
    portefeuille: bool = False  # a column of a portfolio's result
    na_totaal: bool = False  # shown after the woonlasten total in the terminal (huurtoeslag: what comes off it)


@dataclass(frozen=True)
class Deel:
    """A part of the woonlasten (huur, energie, …) with its amounts; ``totaal`` is the part's own sum."""

    naam: str
    label: str
    kort: str
    onderdelen: tuple[Onderdeel, ...]
    optioneel: bool = False  # left out of a table and the terminal when zero before and after
    eigen_totaal: bool = False  # the part's rule gives its total itself (else: the sum of its amounts)

    @property
    def model(self) -> str:
        return "".join(w.capitalize() for w in self.naam.split("_")) + "Delen"


# The parts of a result, declared once: the result models below, the calculation's result columns
# (``{voor,na,verschil}_<deel>_<onderdeel>``), the terminal text, the app's table and chart and the portfolio's
# columns all follow from this.
RESULTAAT: tuple[Deel, ...] = (
    Deel("huur", "Huur", "Huur", (
        Onderdeel("kale_huur", "kale huur", grafiek="Kale huur en servicekosten"),
        Onderdeel("servicekosten", "servicekosten", grafiek="Kale huur en servicekosten"),
        Onderdeel("huurverhoging", "huurverhoging", grafiek="Huurverhoging", portefeuille=True),
        Onderdeel("totaal", "Huur", portefeuille=True),
        Onderdeel("huurtoeslag", "huurtoeslag", "huurtoeslag (schatting)",
                  "Geschatte huurtoeslag, negatief [€/maand]; 0 zonder inkomen.", 0.0, in_totaal=False,
                  uitsplitsing=False, grafiek="Huurtoeslag", portefeuille=True, na_totaal=True),
        Onderdeel("netto", "netto huur", None, "Huur na huurtoeslag [€/maand].", 0.0, in_totaal=False,
                  uitsplitsing=False),
    )),
    Deel("energie", "Energie", "Energie", (
        Onderdeel("gas", "gas", grafiek="Gas"),
        Onderdeel("elektriciteit", "elektriciteit", grafiek="Elektriciteit"),
        Onderdeel("totaal", "Energie", portefeuille=True),
    )),
    Deel("lokale_lasten", "Gemeente en waterschap", "Lokale lasten", (
        Onderdeel("afvalstoffenheffing", "afvalstoffenheffing"),
        Onderdeel("rioolheffing", "rioolheffing"),
        Onderdeel("ozb", "onroerendezaakbelasting (OZB)", "ozb"),
        Onderdeel("waterschap", "waterschap"),
        Onderdeel("totaal", "Gemeente en waterschap", grafiek="Gemeente en waterschap", portefeuille=True),
    ), eigen_totaal=True),  # the yearly taxes added, then per month
    Deel("financiering", "Financiering", "Financiering", (
        Onderdeel("lening", "maandlast lening", "lening maatregelen",
                  "Maandlast van de lening voor de maatregelen [€/maand] (alleen na).", 0.0, grafiek="Maandlast lening"),
        Onderdeel("hypotheek", "hypotheeklasten", "hypotheek", "Opgegeven bestaande hypotheeklasten [€/maand].", 0.0,
                  grafiek="Hypotheeklasten"),
        Onderdeel("totaal", "Financiering", standaard=0.0),
    ), optioneel=True),
)
# the woonlasten: the sum of the parts' totals, and the same after huurtoeslag
TOTALEN: tuple[Onderdeel, ...] = (
    Onderdeel("totaal", "Woonlasten totaal", "Totaal"),
    Onderdeel("totaal_netto", "Woonlasten na huurtoeslag", "Totaal na huurtoeslag", "Totaal na huurtoeslag [€/maand].",
              0.0, in_totaal=False, na_totaal=True),
)
# the result columns per situation, in the declared order, then the woonlasten before and after huurtoeslag
RESULTAAT_DELEN: tuple[str, ...] = tuple(f"{d.naam}_{o.naam}" for d in RESULTAAT for o in d.onderdelen) + tuple(
    o.naam for o in TOTALEN)
# a portfolio's result columns per situation: what counts in the total, the total, then what comes after it
PORTEFEUILLE_DELEN: tuple[str, ...] = tuple(
    f"{d.naam}_{o.naam}" for d in RESULTAAT for o in d.onderdelen if o.portefeuille and o.in_totaal) + ("totaal",) + \
    tuple(f"{d.naam}_{o.naam}" for d in RESULTAAT for o in d.onderdelen if o.portefeuille and not o.in_totaal)


def _delen_model(deel: Deel) -> type[BaseModel]:
    velden = {o.naam: (float, Field(... if o.standaard is None else o.standaard, description=o.beschrijving))
              for o in deel.onderdelen}
    return create_model(deel.model, __module__=__name__, **velden)  # type: ignore[call-overload]


_DELEN_MODELLEN = {d.naam: _delen_model(d) for d in RESULTAAT}
HuurDelen = _DELEN_MODELLEN["huur"]
EnergieDelen = _DELEN_MODELLEN["energie"]
LokaleLastenDelen = _DELEN_MODELLEN["lokale_lasten"]
FinancieringDelen = _DELEN_MODELLEN["financiering"]


def _woonlasten_veld(deel: Deel):
    model = _DELEN_MODELLEN[deel.naam]
    if all(o.standaard is not None for o in deel.onderdelen):
        return model, Field(default_factory=model)
    return model, ...


Woonlasten = create_model(  # type: ignore[call-overload]
    "Woonlasten", __module__=__name__,
    **{d.naam: _woonlasten_veld(d) for d in RESULTAAT},
    **{o.naam: (float, Field(... if o.standaard is None else o.standaard, description=o.beschrijving))
       for o in TOTALEN},
)


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


class Huurinformatie(BaseModel):
    """The rent rules applied and the rent's place among the legal limits (tenants only)."""

    huurverhoging_volgens_regels: float
    huurverhoging_herkomst: str
    regel: str
    vergelijking: Optional[str] = None
    zonnepanelen_servicekosten: float = 0.0
    huurtoeslag_berekend: bool = False
    huurklasse_voor: Optional[str] = None
    huurklasse_na: Optional[str] = None
    wws_energiepunten_voor: Optional[float] = None
    wws_energiepunten_na: Optional[float] = None
    wws_punten_voor: Optional[float] = None
    wws_punten_na: Optional[float] = None
    maximale_huur_voor: Optional[float] = None
    maximale_huur_na: Optional[float] = None
    boven_maximale_huur: Optional[bool] = None
    epv_maximum_maand: Optional[float] = None


class Financieringsresultaat(BaseModel):
    """Owner or buyer: what the measures cost, what the subsidy and the loan do, and when it pays back."""

    investering: float
    subsidie: float
    netto_investering: float
    lening: float
    eigen_geld: float
    vorm: str
    rente_pct: Optional[float] = None
    looptijd_jaar: Optional[float] = None
    maandlast: float
    energiebesparing_maand: float
    netto_maandeffect: float
    terugverdientijd_jaar: Optional[float] = Field(
        None, description="Eenvoudige terugverdientijd: netto investering ÷ energiebesparing per jaar [jaar].")
    terugverdiend_met_financiering_jaar: Optional[int] = Field(
        None, description="Eerste jaar waarin het opgetelde saldo (eigen geld, aflossing mét rente, besparing) ≥ 0; "
                          "leeg = niet binnen 40 jaar.")
    co2_besparing_kg: float
    label_voor: str
    label_na: Optional[str] = None
    extra_leenruimte: Optional[float] = None
    boven_leenruimte: bool = False
    per_maatregel: list[dict] = Field(default_factory=list)
    kasstroom: list[dict] = Field(default_factory=list, description="Cumulatief saldo per jaar [€].")


class Bandbreedte(BaseModel):
    """How sure the verdict is: the verschil when the estimated use is ±``relatief`` off (principle 7)."""

    relatief: float = Field(description="Relatieve onzekerheid van het geschatte verbruik (0 = eigen verbruik).")
    verschil_totaal_laag: float
    verschil_totaal_hoog: float
    oordeel_zeker: bool = Field(description="Het oordeel is hetzelfde aan beide kanten van de band.")


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
    woonlastenneutraal_na_huurtoeslag: Optional[bool] = None
    bandbreedte: Optional[Bandbreedte] = None
    huur_informatie: Optional[Huurinformatie] = None
    financiering: Optional[Financieringsresultaat] = None
    toelichting: list[Toelichting]
