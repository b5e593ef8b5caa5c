"""Input (:class:`Casus`) and result (:class:`Resultaat`) models: the public contract of the calculator.

Input fields are declared once, here, as fields of the pydantic models: type, bounds (``ge``/``le``), default and
Dutch description. What the flat calculation frame and a portfolio need beyond that is attached to the field as
``Annotated`` metadata (:class:`Kolom`, and :class:`Groep` on a sub-model), which pydantic leaves out of the JSON
schema. Derived from these declarations (:data:`INVOERVELDEN`, once at import):

- :data:`GRENZEN` (bounds per field, shared with the column-wise checks, so a single case and a portfolio row are
  accepted or refused by the same rule) and the tuples of allowed values (:data:`ENERGIELABELS`, …);
- the flat frame's columns in :mod:`woonlasten.rekenen.invoer` (kind, whole numbers, required, defaults, allowed
  values, bounds);
- a portfolio's columns and their aliases in :mod:`woonlasten.portefeuille.lezen`;
- the flat row of a case (:func:`woonlasten.casus.casus_naar_rij`);
- the app's inputs for fields a page does not ask by hand (``app.gedeeld.extra_velden``).

Adding an input field
---------------------
Add one field to the model it belongs to, e.g. in :class:`Huishouden`::

    kinderen: Annotated[Optional[int], Kolom(aliassen=("aantalkinderen",))] = Field(
        None, ge=0, le=10, description="Aantal kinderen in het huishouden.")

That is all the input side needs: the frame column ``kinderen`` (kind from the type: ``bool`` → ja/nee, ``date`` →
datum, ``str``/``Literal`` → tekst with the Literal's values allowed, ``int``/``float`` → getal, ``int`` whole), its
bounds, its default for an empty cell (the model default, unless ``Kolom(standaard_in_frame=False)``), the portfolio
column under its own name and the aliases (unless ``Kolom(portefeuille=False)``) and the flat row of a case follow.
The app asks a new field of :class:`Huishouden`, :class:`Ingreep` or (owner) :class:`Financiering` by itself
(``app.gedeeld.extra_velden``); the fields of the other models its pages ask by hand. The frame column is the
field's own name (``Kolom(naam=...)`` to differ) and must be unique over all models; it goes at the end of its
model's columns (``Kolom(na=...)`` places it elsewhere). A fixed list of values is a ``Literal`` type alias here with
its tuple from ``get_args``. Then use the column in a rule (:mod:`woonlasten.regels`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Optional, Union, get_args, get_origin

from annotated_types import Ge, Le
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, create_model, field_validator, model_validator
from pydantic.fields import FieldInfo

# Fixed lists of values: the Literal types of the models, and the same values as tuples (in this order).
Energielabel = Literal["A++++", "A+++", "A++", "A+", "A", "B", "C", "D", "E", "F", "G"]
Woningtype = Literal["appartement", "appartement_hoogbouw", "tussenwoning", "hoekwoning", "twee-onder-een-kap",
                     "vrijstaand"]
# from gas to all-electric, then the heat network (the order is the ingreep's: a measure's heating replaces the
# current one unless that one comes later, see regels/ingreep.py)
Verwarming = Literal["gasketel", "hybride_warmtepomp", "warmtepomp", "warmtenet"]
Rol = Literal["huurder", "eigenaar"]
Financieringsvorm = Literal["warmtefonds", "hypotheek", "eigen_geld"]

ENERGIELABELS: tuple[str, ...] = get_args(Energielabel)  # best (A++++) to worst (G)
WONINGTYPES: tuple[str, ...] = get_args(Woningtype)
VERWARMINGEN: tuple[str, ...] = get_args(Verwarming)
ROLLEN: tuple[str, ...] = get_args(Rol)
FINANCIERINGSVORMEN: tuple[str, ...] = get_args(Financieringsvorm)
# heating without a gas connection: no gas use, no fixed gas costs, no gas network costs
ZONDER_GASAANSLUITING: tuple[str, ...] = ("warmtepomp", "warmtenet")


@dataclass(frozen=True)
class Kolom:
    """The flat-frame facts of an input field, as ``Annotated`` metadata (pydantic and its JSON schema ignore it).
    A field without it gets the defaults: a column of its own name, read from a portfolio under that name."""

    naam: str | None = None  # the frame column; None = the field's name
    aliassen: tuple[str, ...] = ()  # other names of the column in an office's portfolio file
    portefeuille: bool = True  # read from a portfolio file (under its own name and the aliassen)
    standaard_in_frame: bool = True  # an empty cell gets the model's default (False: the rules decide)
    na: str | None = None  # the column's place in the frame: right after this column; None = as declared
    # (minimum, maximum) of a likely value inside the hard bounds: outside it a value is computed but warned about
    # (a rent of € 1,20 or 18 m³ of gas a year is almost always a typing error); ``nul_plausibel``: 0 is likely too
    # (no rent: an owner's row; no gas: no gas connection)
    plausibel: tuple[float, float] | None = None
    nul_plausibel: bool = False


@dataclass(frozen=True)
class Groep:
    """The flat-frame facts of a sub-model field (woning, ingreep, financiering, …), as ``Annotated`` metadata."""

    weglaten_als_leeg: bool = False  # absent: its columns are left out of a case's row (else: its fields' defaults)
    portefeuille: bool = True  # False: none of its fields is read from a portfolio file


def _is_getal(soort: Any) -> bool:
    """Whether a field's type is a number (``float``, ``int``, ``Optional[…]`` of one, with or without metadata)."""
    if get_origin(soort) is Annotated:
        soort = get_args(soort)[0]
    if get_origin(soort) is Union:
        return any(_is_getal(a) for a in get_args(soort) if a is not type(None))
    return soort in (int, float)


class _Model(BaseModel):
    # no NaN or infinity in any number (the JSON text 'NaN' or '"inf"' is refused, not computed)
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)

    @field_validator("*", mode="before")
    @classmethod
    def _geen_ja_nee_als_getal(cls, waarde: Any, info: ValidationInfo) -> Any:
        """``true`` is no number: pydantic's lax mode would read it as 1 (one person, € 1 rent)."""
        if isinstance(waarde, bool) and _is_getal(cls.model_fields[info.field_name].annotation):
            raise ValueError("ja/nee (true/false) is geen getal")
        return waarde


class Woning(_Model):
    woningtype: Annotated[Woningtype, Kolom(aliassen=("type", "typewoning"))] = Field(description="Soort woning.")
    oppervlakte_m2: Annotated[float, Kolom(aliassen=("oppervlakte", "gebruiksoppervlakte", "gbo", "m2"),
                                           plausibel=(15, 500))] = Field(
        ge=10, le=1000, description="Gebruiksoppervlakte [m²].")
    energielabel: Annotated[Energielabel, Kolom(aliassen=("label",))] = Field(
        description="Huidig energielabel (NTA 8800).")
    bouwjaar: Optional[int] = Field(None, ge=1500, le=2100, description="Bouwjaar (informatief).")
    verwarming: Verwarming = Field("gasketel", description="Huidige verwarming.")
    woz_waarde: Annotated[Optional[float], Kolom(aliassen=("woz",), plausibel=(20_000, 5_000_000))] = Field(
        None, ge=0, le=10_000_000, description="WOZ-waarde [€] (nodig voor een eigenaar).")
    wws_punten: Annotated[Optional[float], Kolom(aliassen=("punten",), na="aow")] = Field(
        None, ge=0, le=1_000,
        description="Huidig totaal aan WWS-punten (voor de maximale huur vóór en na; leeg = niet tonen).")


class Huishouden(_Model):
    # an empty personen cell in the frame takes the data parameter personen_standaard (labels/parameters.csv)
    personen: Annotated[int, Kolom(aliassen=("aantalpersonen", "bewoners"), standaard_in_frame=False)] = Field(
        2, ge=1, le=12, description="Aantal bewoners.")
    inkomen_jaar: Annotated[Optional[float], Kolom(aliassen=("inkomen", "verzamelinkomen", "huishoudinkomen"),
                                                   na="huurverhoging")] = Field(
        None, ge=0, le=1_000_000,
        description="Verzamelinkomen van het huishouden [€/jaar] (voor de huurtoeslag; leeg = niet berekenen).")
    aow: Annotated[bool, Kolom(na="inkomen_jaar")] = Field(
        False, description="Huurder of partner heeft de AOW-leeftijd (huurtoeslag t/m 2024).")
    # the income measure of the CBS/TNO Monitor Energiearmoede (and of the betaalrisico): net, not the verzamelinkomen
    besteedbaar_inkomen_jaar: Annotated[Optional[float], Kolom(
        aliassen=("besteedbaar_inkomen", "netto_inkomen", "netto_huishoudinkomen"), na="wws_punten")] = Field(
        None, ge=0, le=1_000_000,
        description="Besteedbaar (netto) inkomen van het huishouden [€/jaar]: na belastingen en premies, met "
        "vakantiegeld, zorgtoeslag en kinderbijslag, zonder huurtoeslag (zoals het CBS het meet). Voor de "
        "energiearmoede en het betaalrisico; leeg = onbekend.")
    # in the frame one text column "naam[:hoeveelheid];…" (regels/energiecoach.py); not read from a portfolio
    gedrag: Annotated[list[str], Kolom(portefeuille=False)] = Field(
        default_factory=list, description="Gedragsmaatregelen die het huishouden met de energiecoach kiest "
        "(sleutels uit labels/gedrag.csv, bv. 'thermostaat_1_graad'; 'led_lamp:8' voor 8 lampen).")


class Huur(_Model):
    kale_huur: Annotated[float, Kolom(aliassen=("huur", "nettohuur"), plausibel=(100, 5_000), nul_plausibel=True)
                         ] = Field(
        0.0, ge=0, le=10_000, description="Kale huur [€/maand].")
    servicekosten: float = Field(0.0, ge=0, le=2_000, description="Servicekosten [€/maand].")
    rioolheffing_jaar: Optional[float] = Field(
        None, ge=0, le=2_000, description="Rioolheffing die het huishouden zelf betaalt [€/jaar] (staat op de aanslag "
        "van de gemeente); leeg = volgens de gemeente.")


class Verbruik(_Model):
    gas_m3: Annotated[Optional[float], Kolom(aliassen=("gasverbruik",), plausibel=(100, 10_000),
                                             nul_plausibel=True)] = Field(
        None, ge=0, le=20_000, description="Eigen gasverbruik volgens de jaarafrekening [m³/jaar].")
    elektriciteit_kwh: Annotated[Optional[float], Kolom(aliassen=("stroomverbruik",), plausibel=(0, 20_000))
                                 ] = Field(
        None, ge=0, le=50_000, description="Eigen elektriciteitsverbruik (netto van het net) [kWh/jaar].")
    warmte_gj: Annotated[Optional[float], Kolom(aliassen=("warmteverbruik", "gj"), plausibel=(5, 150),
                                                nul_plausibel=True)] = Field(
        None, ge=0, le=1_000, description="Eigen warmteverbruik van het warmtenet volgens de jaarafrekening [GJ/jaar] "
                                          "(alleen bij verwarming warmtenet).")


class Contract(_Model):
    gas_leveringsprijs_m3: Optional[float] = Field(
        None, ge=0, le=10, description="Kale leveringsprijs gas excl. energiebelasting en btw [€/m³].")
    elektriciteit_leveringsprijs_kwh: Optional[float] = Field(
        None, ge=0, le=5, description="Kale leveringsprijs stroom excl. energiebelasting en btw [€/kWh].")
    vaste_leveringskosten_jaar: Optional[float] = Field(
        None, ge=0, le=5_000, description="Vaste leveringskosten gas + stroom samen (zonder gasaansluiting: alleen stroom), "
                                          "excl. btw [€/jaar].")
    warmte_prijs_gj: Optional[float] = Field(
        None, ge=0, le=500, description="Eigen prijs warmte van het warmtenet excl. btw [€/GJ]; leeg = ACM-maximum.")
    warmte_vaste_kosten_jaar: Optional[float] = Field(
        None, ge=0, le=5_000, description="Eigen vaste kosten warmte (vastrecht, meettarief en huur afleverset "
                                          "samen) excl. btw [€/jaar]; leeg = ACM-maximum.")


# One measure of an upgrade; in the frame a part of the text column ``maatregelen`` (naam:hoeveelheid:prijs). No
# docstring: it would become the schema's description.
class Maatregel(_Model):
    naam: str = Field(description="Sleutel uit labels/maatregelen.csv, bv. 'spouwmuurisolatie'.")
    hoeveelheid: Optional[float] = Field(None, ge=0, le=10_000, description="m², panelen of toestellen; leeg = standaard.")
    prijs_per_eenheid: Optional[float] = Field(
        None, ge=0, le=100_000, description="Eigen offerteprijs per eenheid incl. btw [€]; leeg = standaardprijs.")


class Ingreep(_Model):
    naar_label: Optional[Energielabel] = Field(None, description="Energielabel na de ingreep.")
    # in the frame one text column "naam:hoeveelheid:prijs;…" (woonlasten.casus, woonlasten.regels.ingreep)
    maatregelen: list[Union[str, Maatregel]] = Field(default_factory=list, description="Maatregelen.")
    huurverhoging: Optional[float] = Field(
        None, ge=0, le=2_000, description="Afgesproken huurverhoging [€/maand]; leeg = volgens de regels.")
    nieuwe_verhuring: Annotated[bool, Kolom(aliassen=("mutatie",))] = Field(
        False, description="Nieuwe verhuring in plaats van een zittende huurder.")
    epv_warmtevraag_kwh_m2: Annotated[Optional[float], Kolom(portefeuille=False)] = Field(
        None, ge=0, le=200, description="Nul-op-de-meter: netto warmtevraag [kWh/m²·jaar] voor de maximale EPV.")
    # the completion, for a path over the years (woonlasten.jaren); a single peildatum ignores it
    gereed_jaar: Annotated[Optional[int], Kolom(aliassen=("fasering", "jaar_gereed", "opleverjaar", "oplevering"))
                           ] = Field(None, ge=2000, le=2100,
                                     description="Jaar waarin de ingreep klaar is (fasering; voor een pad over de "
                                                 "jaren); leeg = het eerste jaar van het pad.")
    gereed_maand: Annotated[Optional[int], Kolom(aliassen=("maand_gereed", "opleveringsmaand"))] = Field(
        None, ge=1, le=12, description="Maand (1-12) waarin de ingreep klaar is; leeg = januari.")

    @field_validator("maatregelen")
    @classmethod
    def _als_objecten(cls, waarde: list) -> list:
        return [Maatregel(naam=m) if isinstance(m, str) else m for m in waarde]


class Financiering(_Model):
    """How an owner or buyer pays for the measures (used with rol 'eigenaar')."""

    vorm: Annotated[Financieringsvorm, Kolom(naam="financiering_vorm")] = Field(
        "warmtefonds", description="Energiebespaarlening van het Warmtefonds, meefinancieren in de hypotheek, of "
                                   "eigen geld.")
    looptijd_jaar: Optional[int] = Field(None, ge=1, le=40, description="Looptijd van de lening [jaar].")
    rente_pct: Optional[float] = Field(
        None, ge=0, le=20,
        description="Rente [% per jaar]; leeg = Warmtefonds-regel van de datum (hypotheek: verplicht).")
    eerdere_isolatiemaatregel: bool = Field(
        False, description="In de 24 maanden ervoor al een ISDE-isolatiemaatregel: dubbel ISDE-bedrag.")
    hypotheeklasten_maand: Optional[float] = Field(
        None, ge=0, le=20_000,
        description="Bestaande hypotheeklasten [€/maand], vóór en na gelijk (koper/eigenaar).")
    warmtepomp_kw: Optional[float] = Field(
        None, ge=1, le=40, description="Vermogen van de warmtepomp [kW] voor de ISDE.")
    investering: Optional[float] = Field(
        None, ge=0, le=500_000, description="Totale investering incl. btw [€]; leeg = som van de maatregelen.")
    zon_eigen_verbruik_aandeel: Optional[float] = Field(
        None, ge=0, le=1,
        description="Deel van de zonnestroom dat zelf wordt gebruikt (0-1); leeg = standaard.")
    terugleververgoeding_kwh: Optional[float] = Field(
        None, ge=0, le=2, description="Terugleververgoeding na de saldering [€/kWh excl. btw]; leeg = wettelijk "
                                      "minimum.")


class Casus(_Model):
    """One household in one dwelling on one peildatum, optionally with an upgrade (ingreep)."""

    peildatum: dt.date = Field(description="Datum waarop tarieven en regels gelden (een jaar verbruik).")
    gemeente: Annotated[str, Kolom(aliassen=("plaats",))] = Field(
        min_length=1, max_length=80, description="Gemeente (zoals COELO die schrijft).")
    rol: Rol = "huurder"
    woning: Woning
    huishouden: Huishouden = Field(default_factory=Huishouden)
    huur: Huur = Field(default_factory=Huur)
    verbruik: Verbruik = Field(default_factory=Verbruik)
    contract: Contract = Field(default_factory=Contract)
    ingreep: Optional[Ingreep] = None
    financiering: Annotated[Optional[Financiering], Groep(weglaten_als_leeg=True, portefeuille=False)] = None


Huurbeleid = Literal["maximum", "percentage"]


class Pad(_Model):
    """A path over the years (woonlasten.jaren): which years, the yearly rent increase, the assumption for years
    whose figures are not known yet."""

    begin: int = Field(ge=2022, le=2050, description="Eerste jaar van het pad.")
    eind: int = Field(ge=2022, le=2050, description="Laatste jaar van het pad (hoogstens 15 jaar na het eerste).")
    huurbeleid: Huurbeleid = Field(
        "maximum", description="Jaarlijkse huurverhoging per 1 juli: het wettelijk maximum van dat jaar (sociale "
                               "huur), of een eigen percentage per jaar.")
    huurverhoging_pct: Optional[float] = Field(
        None, ge=-10, le=25, description="Huurverhoging per jaar bij huurbeleid 'percentage' [%].")
    aanname_huurverhoging_pct: Optional[float] = Field(
        None, ge=-10, le=25, description="Huurverhoging voor een jaar waarvan het maximum nog niet bekend is [%]; "
                                          "leeg = het laatst bekende maximum herhaald.")
    index_onbekend_pct: float = Field(
        0.0, ge=-20, le=50, description="Energie en lokale lasten per jaar hoger na het laatste jaar met bekende "
                                        "tarieven [%]; 0 = de laatst bekende tarieven.")

    @field_validator("eind")
    @classmethod
    def _na_begin(cls, eind: int, info: ValidationInfo) -> int:
        begin = info.data.get("begin")
        if begin is not None and not begin <= eind <= begin + MAX_PAD_JAREN - 1:
            raise ValueError(f"het laatste jaar moet tussen {begin} en {begin + MAX_PAD_JAREN - 1} liggen")
        return eind

    @model_validator(mode="after")
    def _percentage_gegeven(self) -> "Pad":
        if self.huurbeleid == "percentage" and self.huurverhoging_pct is None:
            raise ValueError("huurbeleid 'percentage' vraagt een huurverhoging_pct")
        return self


MAX_PAD_JAREN = 15


# ----------------------------------------------------------------------------------------------------------
# Derived from the declarations above (once, at import)


@dataclass(frozen=True)
class Invoerveld:
    """One column of the flat input frame, derived from a model field and its :class:`Kolom`."""

    kolom: str  # the frame column
    pad: tuple[str, ...]  # the attributes from a Casus to the value, e.g. ("woning", "oppervlakte_m2")
    soort: str  # "tekst", "getal", "datum" or "vlag" (yes/no)
    geheel: bool  # whole numbers only
    grenzen: tuple[float, float] | None  # (minimum, maximum)
    toegestaan: tuple[str, ...] | None  # the allowed values of a text column
    verplicht: bool  # required (no default in the model, nor in a model around it)
    standaard: Any  # the model's default (None: none; a list default is a factory's value)
    standaard_in_frame: bool  # an empty cell gets ``standaard``
    weglaten_als_leeg: bool  # left out of a case's row when its sub-model is absent
    portefeuille: bool  # read from a portfolio file, under ``kolom`` and ``aliassen``
    aliassen: tuple[str, ...]
    na: str | None  # placed in the frame right after this column
    plausibel: tuple[float, float] | None  # likely (minimum, maximum), see :class:`Kolom`
    nul_plausibel: bool  # 0 is likely too


def _zonder_optional(annotatie: Any) -> Any:
    """``Optional[X]`` → ``X`` (other annotations unchanged)."""
    if get_origin(annotatie) is Union:
        args = [a for a in get_args(annotatie) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotatie


def _model_van(annotatie: Any) -> type[BaseModel] | None:
    kern = _zonder_optional(annotatie)
    return kern if isinstance(kern, type) and issubclass(kern, BaseModel) else None


def _soort(naam: str, annotatie: Any) -> str:
    kern = _zonder_optional(annotatie)
    if kern is bool:
        return "vlag"
    if kern is dt.date:
        return "datum"
    if kern in (int, float):
        return "getal"
    if kern is str or get_origin(kern) is Literal or get_origin(kern) is list:
        return "tekst"  # a list (maatregelen) is one text column
    raise TypeError(f"input field {naam}: no frame column kind for {annotatie!r}")


def _grenzen(veld: FieldInfo) -> tuple[float, float] | None:
    laag = next((m.ge for m in veld.metadata if isinstance(m, Ge)), None)
    hoog = next((m.le for m in veld.metadata if isinstance(m, Le)), None)
    return None if laag is None or hoog is None else (laag, hoog)


def _meta(veld: FieldInfo, soort: type, standaard: Any) -> Any:
    return next((m for m in veld.metadata if isinstance(m, soort)), standaard)


def _invoervelden(model: type[BaseModel], pad: tuple[str, ...] = (), verplicht: bool = True,
                  groep: Groep = Groep()) -> list[Invoerveld]:
    """The frame columns of ``model``'s fields in declaration order, sub-models walked in place."""
    uit: list[Invoerveld] = []
    for naam, veld in model.model_fields.items():
        sub = _model_van(veld.annotation)
        if sub is not None:
            uit += _invoervelden(sub, pad + (naam,), verplicht and veld.is_required(), _meta(veld, Groep, Groep()))
            continue
        kolom = _meta(veld, Kolom, Kolom())
        kern = _zonder_optional(veld.annotation)
        uit.append(Invoerveld(
            kolom=kolom.naam or naam, pad=pad + (naam,), soort=_soort(naam, veld.annotation), geheel=kern is int,
            grenzen=_grenzen(veld), toegestaan=get_args(kern) if get_origin(kern) is Literal else None,
            verplicht=verplicht and veld.is_required(),
            standaard=None if veld.is_required() else veld.get_default(call_default_factory=True),
            standaard_in_frame=kolom.standaard_in_frame, weglaten_als_leeg=groep.weglaten_als_leeg,
            portefeuille=kolom.portefeuille and groep.portefeuille, aliassen=kolom.aliassen, na=kolom.na,
            plausibel=kolom.plausibel, nul_plausibel=kolom.nul_plausibel))
    return uit


def _op_volgorde(velden: list[Invoerveld]) -> tuple[Invoerveld, ...]:
    """The frame's column order: as declared, a column with ``Kolom(na=...)`` right after the column it names."""
    volgorde = [v for v in velden if v.na is None]
    rest = [v for v in velden if v.na is not None]
    while rest:
        kolommen = [v.kolom for v in volgorde]
        volgende = next((v for v in rest if v.na in kolommen), None)
        if volgende is None:
            raise ValueError(f"Kolom(na=...): unknown column for {', '.join(v.kolom for v in rest)}")
        volgorde.insert(kolommen.index(volgende.na) + 1, volgende)
        rest.remove(volgende)
    return tuple(volgorde)


def _alle_modellen(model: type[BaseModel]) -> list[type[BaseModel]]:
    """``model`` and every model its fields use (also inside a list or a Union), each once."""
    gevonden = [model]
    for veld in model.model_fields.values():
        open_ = [veld.annotation]
        while open_:
            a = open_.pop()
            if isinstance(a, type) and issubclass(a, BaseModel):
                gevonden += [m for m in _alle_modellen(a) if m not in gevonden]
            else:
                open_ += list(get_args(a))
    return list(dict.fromkeys(gevonden))


# The columns of the flat input frame, in the frame's order (the order decides which message a row with several
# bad cells gets: the first). Unique names; checked here.
INVOERVELDEN: tuple[Invoerveld, ...] = _op_volgorde(_invoervelden(Casus))
if len({v.kolom for v in INVOERVELDEN}) != len(INVOERVELDEN):
    raise ValueError("input fields: two fields have the same frame column")


def _alle_grenzen() -> dict[str, tuple[float, float]]:
    uit: dict[str, tuple[float, float]] = {}
    for model in _alle_modellen(Casus):
        for naam, veld in model.model_fields.items():
            if (grenzen := _grenzen(veld)) is not None:
                if uit.setdefault(naam, grenzen) != grenzen:
                    raise ValueError(f"input field {naam}: two fields of that name with different bounds")
    return uit


# (minimum, maximum) per bounded input field (also Maatregel's, for the measures text of the frame); used by the
# app's inputs and by the frame's column checks.
GRENZEN: dict[str, tuple[float, float]] = _alle_grenzen()
# (minimum, maximum) of the fields of a path over the years (the app's inputs for it)
PAD_GRENZEN: dict[str, tuple[float, float]] = {
    naam: g for naam, veld in Pad.model_fields.items() if (g := _grenzen(veld)) is not None}
# {frame column: (likely minimum, likely maximum, 0 likely too)} (see Kolom.plausibel)
PLAUSIBEL: dict[str, tuple[float, float, bool]] = {
    v.kolom: (*v.plausibel, v.nul_plausibel) for v in INVOERVELDEN if v.plausibel is not None}


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
    optioneel: bool = False  # left out of a table and the terminal when zero before and after (the JSON keeps it)


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
        Onderdeel("warmte", "warmte (warmtenet)", "warmte", "Warmte van het warmtenet [€/maand]; 0 zonder warmtenet.",
                  0.0, grafiek="Warmte", portefeuille=True, optioneel=True),
        Onderdeel("tegemoetkoming", "tegemoetkoming energierekening", "tegemoetkoming", grafiek="Tegemoetkoming",
                  optioneel=True),
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
    warmte_gj_voor: Optional[float] = None
    warmte_gj_na: Optional[float] = None
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


class EnergiearmoedeIndicator(BaseModel):
    """One indicator of the CBS/TNO Monitor Energiearmoede for this household: yes, no or onbekend (None)."""

    code: str
    naam: str
    voor: Optional[bool] = None
    na: Optional[bool] = None
    benadering: str = Field(description="Waar deze berekening afwijkt van de monitor.")


class Energiearmoede(BaseModel):
    """Energy poverty before and after (CBS/TNO Monitor Energiearmoede, approximated: see ``benadering``)."""

    inkomen_gestandaardiseerd: Optional[float] = Field(
        None, description="Inkomen gestandaardiseerd naar een eenpersoonshuishouden [€/jaar]; leeg zonder inkomen.")
    grens_laag_inkomen: Optional[float] = Field(None, description="130 % van de lage-inkomensgrens [€/jaar, eenpersoons].")
    laag_inkomen: Optional[bool] = None
    energiequote_voor: Optional[float] = Field(None, description="Energiekosten ÷ inkomen (fractie); leeg zonder inkomen.")
    energiequote_na: Optional[float] = None
    lage_energiekwaliteit_voor: Optional[bool] = None
    lage_energiekwaliteit_na: Optional[bool] = None
    indicatoren: list[EnergiearmoedeIndicator] = Field(default_factory=list)
    energiearm_voor: Optional[bool] = Field(None, description="Energiearm volgens minstens één indicator; leeg = onbekend.")
    energiearm_na: Optional[bool] = None
    veranderingen: list[str] = Field(default_factory=list, description="Wat de ingreep aan de indicatoren verandert.")
    betaalruimte_maand_voor: Optional[float] = Field(
        None, description="Betaalrisico: besteedbaar inkomen − huur na huurtoeslag − energie − minimaal nodig voor "
        "de rest [€/maand]; negatief = tekort; leeg = onbekend (zie betaalrisico_reden).")
    betaalruimte_maand_na: Optional[float] = None
    betaalrisico_voor: Optional[bool] = Field(None, description="Een tekort (betaalruimte < 0); leeg = onbekend.")
    betaalrisico_na: Optional[bool] = None
    minimum_overig_maand: Optional[float] = Field(
        None, description="Minimaal nodig voor alles behalve huur en energie [€/maand] (CBS/Nibud/SCP, schatting).")
    betaalrisico_reden: Optional[str] = Field(None, description="Waarom het betaalrisico onbekend is.")
    status: str = "schatting"


class GedragMaatregel(BaseModel):
    """One behaviour or small measure of the energiecoach for this household (estimate)."""

    maatregel: str
    omschrijving: str
    eenheid: str = Field(description="m³ (gas) of kWh (elektriciteit).")
    besparing_per_jaar: float = Field(description="Besparing in de eenheid per jaar, vóór de ingreep.")
    besparing_euro_per_jaar: float = Field(description="Besparing [€/jaar] tegen de eigen prijzen van de peildatum.")
    besparing_euro_per_jaar_na: Optional[float] = None
    gekozen: bool = False


class Energiecoach(BaseModel):
    """The energiecoach's advice in euros; the chosen measures applied on top of the woonlasten (estimate)."""

    maatregelen: list[GedragMaatregel] = Field(default_factory=list)
    gekozen_besparing_maand: float = Field(0.0, description="Besparing van het gekozen gedrag [€/maand], vóór.")
    gekozen_besparing_maand_na: Optional[float] = None
    totaal_met_gedrag: float = Field(description="Woonlasten vóór minus het gekozen gedrag [€/maand].")
    totaal_met_gedrag_na: Optional[float] = None
    onbekend: list[str] = Field(default_factory=list, description="Niet herkende namen, niet meegeteld.")
    niet_berekend: list[str] = Field(
        default_factory=list, description="Maatregelen op gas die voor deze verwarming (hybride warmtepomp, "
        "warmtepomp, warmtenet) nog niet worden berekend; niet als € 0 getoond.")
    status: str = "schatting"


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
    energiearmoede: Optional[Energiearmoede] = None
    energiecoach: Optional[Energiecoach] = None


# ----------------------------------------------------------------------------------------------------------
# A path over the years (woonlasten.jaren)

# one year's amounts per part [€/maand, average over the year]; None = not known for that year (huurtoeslag whose
# parameters are not published yet)
PadBedragen = create_model(  # type: ignore[call-overload]
    "PadBedragen", __module__=__name__,
    **{d: (Optional[float], Field(None)) for d in RESULTAAT_DELEN})


class PadJaarResultaat(BaseModel):
    """One year of a path: the woonlasten per month without and with the upgrade (average over the year's months)."""

    jaar: int
    zonder: PadBedragen  # type: ignore[valid-type]
    met: PadBedragen  # type: ignore[valid-type]
    verschil: PadBedragen  # type: ignore[valid-type]
    verschil_cumulatief: float = Field(description="Opgeteld verschil sinds het begin van het pad [€], t/m dit jaar.")
    maanden_met_ingreep: int = Field(description="Maanden van dit jaar waarin de ingreep klaar is (0-12).")
    kale_huur_januari: float = Field(description="Kale huur zonder ingreep januari-juni [€/maand].")
    kale_huur_juli: float = Field(description="Kale huur zonder ingreep juli-december [€/maand].")
    huurverhoging_juli_pct: float = Field(description="Huurverhoging per 1 juli van dit jaar [%].")
    huurverhoging_herkomst: Literal["maximum", "aanname", "beleid"]
    huurtoeslag_bekend: bool
    tarieven_aanname: bool = Field(description="Niet alle tarieven van dit jaar zijn bekend: laatst bekende gebruikt "
                                               "(of geïndexeerd).")
    notities: list[str] = Field(default_factory=list)


class Jaarpad(BaseModel):
    """Woonlasten per year from ``pad.begin`` to ``pad.eind``, without and with the upgrade."""

    pad: Pad
    peildatum: dt.date = Field(description="De opgegeven huur geldt op deze datum.")
    gemeente: str
    rol: str
    gereed: Optional[str] = Field(None, description="Jaar-maand waarin de ingreep klaar is (JJJJ-MM); leeg zonder ingreep.")
    jaren: list[PadJaarResultaat]
    gemiddeld_verschil_maand: float = Field(description="Gemiddeld verschil per maand over alle maanden van het pad [€].")
    verschil_periode: float = Field(description="Opgeteld verschil over het hele pad [€].")
    gemiddeld_verschil_na_oplevering: Optional[float] = Field(
        None, description="Gemiddeld verschil per maand over de maanden met de ingreep [€]; leeg als de ingreep in "
                          "het pad niet klaar is.")
    woonlastenneutraal_gemiddeld: Optional[bool] = Field(
        None, description="Gemiddeld over het pad niet duurder (≤ € 0,00 per maand); leeg zonder ingreep.")
    aannames: list[str] = Field(default_factory=list, description="Wat voor onbekende jaren is aangenomen.")
    toelichting: list[str] = Field(default_factory=list)
