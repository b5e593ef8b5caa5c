"""A single case through the one calculation path: :class:`Casus` → one-row frame → :class:`Resultaat`."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pandas as pd

from woonlasten.financiering import kasstroom
from woonlasten.formatteer import euro, getal
from woonlasten.huurregels import HUURREGELS, VERGELIJKING
from woonlasten.kern import RESULTAAT_DELEN, bereken_frame
from woonlasten.modellen import (
    Bandbreedte,
    Casus,
    EnergieDelen,
    FinancieringDelen,
    Financieringsresultaat,
    HuurDelen,
    Huurinformatie,
    LokaleLastenDelen,
    Resultaat,
    Toelichting,
    VerbruikResultaat,
    Woonlasten,
)
from woonlasten.tabellen import Tabellen, laad_tabellen

KASSTROOM_MAX_JAAR = 40  # horizon of the cumulative cash overview [jaar]


class InvoerFout(ValueError):
    """The case cannot be computed; the message is Dutch and names the field."""


def casus_naar_rij(casus: Casus) -> dict[str, Any]:
    """The flat input row of the calculation frame for one case."""
    w, i = casus.woning, casus.ingreep
    maatregelen = ""
    if i is not None:
        maatregelen = ";".join(
            m.naam + (f":{m.hoeveelheid:g}" if m.hoeveelheid is not None else (":" if m.prijs_per_eenheid else ""))
            + (f":{m.prijs_per_eenheid:g}" if m.prijs_per_eenheid is not None else "") for m in i.maatregelen)
    return {
        "peildatum": pd.Timestamp(casus.peildatum), "gemeente": casus.gemeente, "rol": casus.rol,
        "woningtype": w.woningtype, "oppervlakte_m2": w.oppervlakte_m2, "energielabel": w.energielabel,
        "bouwjaar": w.bouwjaar, "verwarming": w.verwarming, "woz_waarde": w.woz_waarde,
        "personen": casus.huishouden.personen,
        "kale_huur": casus.huur.kale_huur, "servicekosten": casus.huur.servicekosten,
        "gas_m3": casus.verbruik.gas_m3, "elektriciteit_kwh": casus.verbruik.elektriciteit_kwh,
        "gas_leveringsprijs_m3": casus.contract.gas_leveringsprijs_m3,
        "elektriciteit_leveringsprijs_kwh": casus.contract.elektriciteit_leveringsprijs_kwh,
        "vaste_leveringskosten_jaar": casus.contract.vaste_leveringskosten_jaar,
        "naar_label": i.naar_label if i else None,
        "maatregelen": maatregelen,
        "huurverhoging": i.huurverhoging if i else None,
        "inkomen_jaar": casus.huishouden.inkomen_jaar, "aow": float(casus.huishouden.aow),
        "wws_punten": w.wws_punten, "nieuwe_verhuring": float(i.nieuwe_verhuring) if i else 0.0,
        "epv_warmtevraag_kwh_m2": i.epv_warmtevraag_kwh_m2 if i else None,
        **_financiering_rij(casus),
    }


def _financiering_rij(casus: Casus) -> dict[str, Any]:
    fin = casus.financiering
    if fin is None:
        return {}
    return {"financiering_vorm": fin.vorm, "looptijd_jaar": fin.looptijd_jaar, "rente_pct": fin.rente_pct,
            "eerdere_isolatiemaatregel": float(fin.eerdere_isolatiemaatregel),
            "hypotheeklasten_maand": fin.hypotheeklasten_maand, "warmtepomp_kw": fin.warmtepomp_kw,
            "investering": fin.investering, "zon_eigen_verbruik_aandeel": fin.zon_eigen_verbruik_aandeel,
            "terugleververgoeding_kwh": fin.terugleververgoeding_kwh}


def bereken_casus_frame(casus: Casus, tabellen: Tabellen | None = None) -> pd.DataFrame:
    """The full one-row result frame of a case (all intermediate columns)."""
    return bereken_frame(pd.DataFrame([casus_naar_rij(casus)]), tabellen)


def bereken(casus: Casus | dict, tabellen: Tabellen | None = None) -> Resultaat:
    """Woonlasten before and after for one case [€/maand]; raises :class:`InvoerFout` when it cannot be computed."""
    if isinstance(casus, dict):
        casus = Casus.model_validate(casus)
    t = tabellen or laad_tabellen()
    rij = bereken_casus_frame(casus, t).iloc[0]
    if rij["status"] == "fout":
        raise InvoerFout(rij["melding"])
    return rij_naar_resultaat(rij, t)


def _c(x: float) -> float:
    """Round to cents, half away from zero (money is rounded only here, at the edge)."""
    return float(Decimal(repr(float(x))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)) + 0.0


def _woonlasten(rij: pd.Series, s: str) -> Woonlasten:
    d = {deel: _c(float(rij[f"{s}_{deel}"])) for deel in RESULTAAT_DELEN}
    return Woonlasten(
        huur=HuurDelen(**{k: d[f"huur_{k}"] for k in ("kale_huur", "servicekosten", "huurverhoging", "totaal",
                                                     "huurtoeslag", "netto")}),
        energie=EnergieDelen(**{k: d[f"energie_{k}"] for k in ("gas", "elektriciteit", "totaal")}),
        lokale_lasten=LokaleLastenDelen(**{k: d[f"lokale_lasten_{k}"] for k in
                                           ("afvalstoffenheffing", "rioolheffing", "ozb", "waterschap", "totaal")}),
        financiering=FinancieringDelen(**{k: d[f"financiering_{k}"] for k in ("lening", "hypotheek", "totaal")}),
        totaal=d["totaal"],
        totaal_netto=d["totaal_netto"],
    )


def rij_naar_resultaat(rij: pd.Series, t: Tabellen) -> Resultaat:
    """The public result model of one computed row."""
    ingreep = bool(rij["heeft_ingreep"])
    return Resultaat(
        peildatum=rij["peildatum"].date(), gemeente=rij["gemeente"], rol=rij["rol"],
        voor=_woonlasten(rij, "voor"),
        na=_woonlasten(rij, "na") if ingreep else None,
        verschil=_woonlasten(rij, "verschil") if ingreep else None,
        verbruik=VerbruikResultaat(
            gas_m3_voor=round(float(rij["verbruik_gas_m3_voor"])),
            elektriciteit_kwh_voor=round(float(rij["verbruik_elektriciteit_kwh_voor"])),
            gas_m3_na=round(float(rij["verbruik_gas_m3_na"])) if ingreep else None,
            elektriciteit_kwh_na=round(float(rij["verbruik_elektriciteit_kwh_na"])) if ingreep else None,
            herkomst=rij["verbruik_herkomst"], energielabel_voor=rij["energielabel"],
            energielabel_na=rij["energielabel_na"] if ingreep else None,
            verwarming_voor=rij["verwarming"], verwarming_na=rij["verwarming_na"] if ingreep else None,
        ),
        woonlastenneutraal=bool(rij["woonlastenneutraal"]) if ingreep else None,
        woonlastenneutraal_na_huurtoeslag=bool(rij["woonlastenneutraal_netto"]) if ingreep else None,
        bandbreedte=Bandbreedte(
            relatief=float(rij["bandbreedte_verbruik"]), verschil_totaal_laag=_c(float(rij["verschil_totaal_laag"])),
            verschil_totaal_hoog=_c(float(rij["verschil_totaal_hoog"])),
            oordeel_zeker=(rij["verschil_totaal_hoog"] <= 0.005) or (rij["verschil_totaal_laag"] > 0.005),
        ) if ingreep else None,
        huur_informatie=huur_informatie(rij) if rij["rol"] == "huurder" else None,
        financiering=financieringsresultaat(rij, t) if rij["rol"] == "eigenaar" and ingreep else None,
        toelichting=toelichting(rij, t),
    )


def financieringsresultaat(rij: pd.Series, t: Tabellen) -> Financieringsresultaat:
    """The owner's financing block of one computed row."""
    per_maatregel = []
    for naam in t["labels/maatregelen"].frame["maatregel"]:
        if f"investering_{naam}" in rij.index and rij[f"investering_{naam}"] > 0:
            per_maatregel.append({"maatregel": naam, "hoeveelheid": float(rij[f"maatregel_{naam}"]),
                                  "investering": _c(float(rij[f"investering_{naam}"])),
                                  "subsidie": _c(float(rij.get(f"subsidie_{naam}", 0.0) or 0.0))})
    looptijd = _getal_of_niets(rij["looptijd_lening_jaar"])
    lang = kasstroom(float(rij["netto_investering"]), float(rij["eigen_geld"]), float(rij["maandlast_lening"]),
                     looptijd or 0, float(rij["energiebesparing_maand"]), KASSTROOM_MAX_JAAR)
    positief = lang.loc[(lang["jaar"] > 0) & (lang["cumulatief"] >= 0), "jaar"]
    # the year the cumulative cash (own money, loan payments incl. interest, energy saving) turns positive
    terug_met_lening = int(positief.iloc[0]) if len(positief) else None
    jaren = max(int(looptijd or 0) + 2, (terug_met_lening or 0) + 3, 15)
    stroom = lang[lang["jaar"] <= min(jaren, KASSTROOM_MAX_JAAR)]
    return Financieringsresultaat(
        investering=_c(float(rij["investering_totaal"])), subsidie=_c(float(rij["subsidie"])),
        netto_investering=_c(float(rij["netto_investering"])), lening=_c(float(rij["lening"])),
        eigen_geld=_c(float(rij["eigen_geld"])), vorm=str(rij["financiering_vorm"]),
        rente_pct=_getal_of_niets(rij["rente_lening_pct"]), looptijd_jaar=looptijd,
        maandlast=_c(float(rij["maandlast_lening"])), energiebesparing_maand=_c(float(rij["energiebesparing_maand"])),
        netto_maandeffect=_c(float(rij["netto_maandeffect"])),
        terugverdientijd_jaar=None if pd.isna(rij["terugverdientijd_jaar"]) else round(float(rij["terugverdientijd_jaar"]), 1),
        terugverdiend_met_financiering_jaar=terug_met_lening,
        co2_besparing_kg=round(float(rij["co2_besparing_kg"])), label_voor=str(rij["energielabel"]),
        label_na=None if pd.isna(rij["energielabel_na"]) else str(rij["energielabel_na"]),
        extra_leenruimte=_getal_of_niets(rij["extra_leenruimte"]), boven_leenruimte=bool(rij["boven_leenruimte"]),
        per_maatregel=per_maatregel,
        kasstroom=[{"jaar": int(r.jaar), "cumulatief": _c(r.cumulatief)} for r in stroom.itertuples()],
    )


def _getal_of_niets(x) -> float | None:
    return None if x is None or pd.isna(x) else float(x)


def huur_informatie(rij: pd.Series) -> Huurinformatie:
    """The rent rules applied and the rent's place among the legal limits."""
    max_na = _getal_of_niets(rij["max_huur_na"])
    kale_na = float(rij["kale_huur"]) + float(rij["na_huur_huurverhoging"]) if bool(rij["heeft_ingreep"]) \
        else float(rij["kale_huur"])
    return Huurinformatie(
        huurverhoging_volgens_regels=_c(float(rij["huurverhoging_regels"])),
        huurverhoging_herkomst=str(rij["huurverhoging_herkomst"]),
        regel=HUURREGELS[int(rij["huurregel"])],
        vergelijking=VERGELIJKING[int(rij["huurverhoging_vergelijking"])] or None,
        zonnepanelen_servicekosten=_c(float(rij["zon_servicekosten"])),
        huurtoeslag_berekend=bool(rij["voor_huurtoeslag_berekend"]),
        huurklasse_voor=None if pd.isna(rij["huurklasse_voor"]) else str(rij["huurklasse_voor"]),
        huurklasse_na=None if pd.isna(rij["huurklasse_na"]) else str(rij["huurklasse_na"]),
        wws_energiepunten_voor=_getal_of_niets(rij["wws_energiepunten_voor"]),
        wws_energiepunten_na=_getal_of_niets(rij["wws_energiepunten_na"]),
        wws_punten_voor=_getal_of_niets(rij["wws_punten"]),
        wws_punten_na=_getal_of_niets(rij["wws_punten_na"]),
        maximale_huur_voor=_getal_of_niets(rij["max_huur_voor"]),
        maximale_huur_na=max_na,
        boven_maximale_huur=None if max_na is None else kale_na > max_na + 0.005,
        epv_maximum_maand=None if pd.isna(rij["epv_max_maand"]) else _c(float(rij["epv_max_maand"])),
    )


# ----------------------------------------------------------------------------------------------------------
# Explanation: every rule and data row used, with its source


def _rij(t: Tabellen, tabel: str, regel: Any) -> pd.Series | None:
    if regel is None or (isinstance(regel, float) and math.isnan(regel)) or int(regel) < 0:
        return None
    return t[tabel].rij(int(regel))


def _item(onderwerp: str, tekst: str, bronrij: pd.Series | None, tabel: str | None = None) -> Toelichting:
    bron = None
    status = None
    if bronrij is not None:
        bron = f"{bronrij['bron']} ({tabel}.csv, regel {int(bronrij['_rij'])})" if tabel else bronrij["bron"]
        status = bronrij.get("status")
    return Toelichting(onderwerp=onderwerp, tekst=tekst, bron=bron, status=status)


def toelichting(rij: pd.Series, t: Tabellen) -> list[Toelichting]:
    """How the row was computed: consumption, every tariff row, local taxes, rent; each with its source."""
    uit: list[Toelichting] = []
    ingreep = bool(rij["heeft_ingreep"])
    # consumption
    rv = _rij(t, "labels/ruimteverwarming", rij["_rij_ruimteverwarming_voor"])
    tk = _rij(t, "labels/tapwater_koken", rij["_rij_tapwater_koken"])
    el = _rij(t, "labels/elektriciteit_huishouden", rij["_rij_elektriciteit_huishouden"])
    rend = t.parameter("rendement_hr_ketel")
    if rv is not None:
        mono = " (gelijkgetrokken met een beter label: de gemeten waarde ligt lager)" \
            if rv["gas_m3_per_m2"] < _mono_waarde(rij, t) else ""
        uit.append(_item(
            "Verbruik: ruimteverwarming",
            f"{getal(rij['oppervlakte_m2'])} m² × {getal(_mono_waarde(rij, t), 2)} m³/m² (gemeten gemiddelde, "
            f"{rij['woningtype']}, label {rij['energielabel']}){mono} ÷ rendement HR-ketel {getal(rend, 2)} = "
            f"{getal(rij['oppervlakte_m2'] * _mono_waarde(rij, t) / rend)} m³ gas per jaar (schatting, "
            f"bandbreedte ±{getal(t.parameter('onzekerheid_verbruik_schatting') * 100)}%).",
            rv, "labels/ruimteverwarming"))
    if tk is not None:
        uit.append(_item("Verbruik: warm water en koken",
                         f"{int(rij['personen_gebruikt'])} personen: warm tapwater {getal(tk['tapwater_gas_m3'])} m³ "
                         f"+ koken {getal(tk['koken_gas_m3'])} m³ gas per jaar.", tk, "labels/tapwater_koken"))
    if el is not None and pd.isna(rij["elektriciteit_kwh"]):
        uit.append(_item("Verbruik: elektriciteit",
                         f"{int(rij['personen_gebruikt'])} personen: {getal(el['elektriciteit_kwh'])} kWh per jaar "
                         "(gemiddelde levering van het net, zonder warmtepomp).", el, "labels/elektriciteit_huishouden"))
    if rij["verbruik_herkomst"] != "geschat":
        uit.append(Toelichting(
            onderwerp="Verbruik: eigen meterstanden",
            tekst=("Het opgegeven eigen verbruik is gebruikt voor de situatie vóór. Na de ingreep: het eigen "
                   "gasverbruik × (geschat verbruik na ÷ geschat verbruik voor) — de verhouding is "
                   f"{_verhouding(rij['verbruik_gas_m3_na'], rij['verbruik_gas_m3_voor'])}; "
                   "stroom: eigen verbruik + de geschatte verandering (warmtepomp).")))
    if ingreep:
        rv_na = _rij(t, "labels/ruimteverwarming", rij["_rij_ruimteverwarming_na"])
        if rij["label_na_uit_maatregelen"]:
            uit.append(Toelichting(
                onderwerp="Ingreep: effect van de maatregelen",
                tekst=(f"Ruimteverwarming na = vóór × {getal(rij['ruimte_factor_maatregelen'], 3)} (product van "
                       f"(1 − besparingsaandeel) per maatregel); verwacht label na: {rij['energielabel_na']}."),
                bron="labels/maatregel_effect.csv"))
        elif rv_na is not None:
            uit.append(_item("Ingreep: verbruik bij het nieuwe label",
                             f"Label {rij['energielabel_na']}: {getal(rv_na['gas_m3_per_m2'], 2)} m³/m² gemeten "
                             f"gemiddelde → ruimteverwarming {getal(rij['verbruik_ruimteverwarming_m3_na'])} m³ per jaar "
                             f"(was {getal(rij['verbruik_ruimteverwarming_m3_voor'])} m³).", rv_na,
                             "labels/ruimteverwarming"))
        if rij["verwarming_na"] != rij["verwarming"]:
            wp = _rij(t, "labels/warmtepomp", rij["_rij_warmtepomp_na"])
            uit.append(_item("Ingreep: warmtepomp",
                             f"Verwarming wordt {rij['verwarming_na'].replace('_', ' ')}: gas wordt omgezet in "
                             f"stroom via het seizoensrendement (SPF) bij label {rij['energielabel_na']}."
                             + (" Geen gasaansluiting meer: geen vaste gaskosten." if not rij["na_gasaansluiting"]
                                else ""), wp, "labels/warmtepomp"))
    # energy tariffs
    btw = _rij(t, "tariffs/btw", rij["_rij_btw"])
    if btw is not None:
        uit.append(_item("Energie: btw", f"Btw op energie op {rij['peildatum'].date()}: "
                         f"{getal(btw['btw_tarief'] * 100)}%.", btw, "tariffs/btw"))
    for drager, eenheid in (("elektriciteit", "kWh"), ("gas", "m³")):
        eb = _rij(t, "tariffs/energiebelasting", rij[f"_rij_energiebelasting_{drager}"])
        if eb is not None:
            ode = f" + ODE {euro(eb['ode_excl_btw'], 5)}" if eb["ode_excl_btw"] and eb["ode_excl_btw"] > 0 else ""
            uit.append(_item(f"Energie: energiebelasting {drager}",
                             f"{euro(eb['energiebelasting_excl_btw'], 5)} per {eenheid}{ode} excl. btw "
                             f"(eerste schijf).", eb, "tariffs/energiebelasting"))
        lev = _rij(t, "tariffs/leveringstarieven", rij[f"_rij_leveringstarief_{drager}"])
        eigen = not pd.isna(rij[f"{drager}_leveringsprijs_{'kwh' if drager == 'elektriciteit' else 'm3'}"])
        uit.append(_item(f"Energie: leveringsprijs {drager}",
                         f"{euro(rij[f'leveringsprijs_{drager}'], 4)} per {eenheid} excl. belasting en btw "
                         + ("(eigen contract)." if eigen else "(standaard: gemiddeld consumententarief; "
                            "vul het eigen contract in voor een precieze berekening)."),
                         None if eigen else lev, None if eigen else "tariffs/leveringstarieven"))
        net = _rij(t, "tariffs/netbeheer", rij[f"_rij_netbeheer_{drager}"])
        if net is not None:
            uit.append(_item(f"Energie: netbeheerkosten {drager}",
                             f"{rij[f'netbeheerder_{drager}']}: {euro(net['netbeheerkosten_jaar_excl_btw'])} per jaar "
                             "excl. btw.", net, "tariffs/netbeheer"))
        pl = _rij(t, "tariffs/prijsplafond", rij[f"_rij_prijsplafond_{drager}"])
        if pl is not None:
            uit.append(_item(f"Energie: prijsplafond {drager}",
                             f"Tot {getal(pl['plafondvolume_jaar'])} {eenheid} per jaar hooguit "
                             f"{euro(pl['plafondprijs_incl_btw'], 2)} per {eenheid} incl. belasting en btw.",
                             pl, "tariffs/prijsplafond"))
    vm = _rij(t, "tariffs/belastingvermindering", rij["_rij_belastingvermindering"])
    if vm is not None:
        uit.append(_item("Energie: vermindering energiebelasting",
                         f"{euro(vm['bedrag_jaar_excl_btw'])} per jaar excl. btw per elektriciteitsaansluiting.",
                         vm, "tariffs/belastingvermindering"))
    if ingreep and rij["zon_opwek_kwh"] > 0:
        ret = _rij(t, "tariffs/teruglevering", rij["_rij_teruglevering"])
        uit.append(_item("Energie: zonnepanelen",
                         f"Opwek {getal(rij['zon_opwek_kwh'])} kWh per jaar; salderen: "
                         f"{ret['saldering'] if ret is not None else '?'}.",
                         ret, "tariffs/teruglevering"))
    # local taxes
    g = _rij(t, "tariffs/gemeentelijke_belastingen", rij["_rij_gemeentelijke_belastingen"])
    if g is not None:
        ander = " Let op: voor deze datum zijn geen tarieven van deze gemeente bekend; de dichtstbijzijnde " \
                f"periode (vanaf {g['geldig_vanaf'].date()}) is gebruikt." if rij["lokale_lasten_ander_jaar"] else ""
        huishouden = "eenpersoons" if rij["personen_gebruikt"] <= 1 else "meerpersoons"
        rol = "huurder: afvalstoffenheffing en rioolheffing (gebruiker)" if rij["rol"] == "huurder" else \
            "eigenaar: ook OZB en het eigenarendeel van de rioolheffing"
        uit.append(_item("Lokale lasten: gemeente",
                         f"{rij['gemeente']}, {huishouden}huishouden, {rol}; methode: {g['methode']}.{ander}",
                         g, "tariffs/gemeentelijke_belastingen"))
    ws = _rij(t, "tariffs/waterschapsbelastingen", rij["_rij_waterschapsbelastingen"])
    if ws is not None:
        ve = getal(rij["vervuilingseenheden"])
        ander = (" Let op: voor deze datum zijn geen tarieven van dit waterschap bekend; de dichtstbijzijnde periode "
                 f"(vanaf {ws['geldig_vanaf'].date()}) is gebruikt.") if rij["waterschap_ander_jaar"] else ""
        uit.append(_item("Lokale lasten: waterschap",
                         f"{rij['waterschap']}: zuiveringsheffing {ve} × {euro(ws['zuiveringsheffing_per_ve_jaar'])} + "
                         f"watersysteemheffing ingezetenen {euro(ws['watersysteemheffing_ingezetenen_jaar'])}"
                         + (" + watersysteemheffing gebouwd (eigenaar)" if rij["rol"] == "eigenaar" else "")
                         + " per jaar." + ander, ws, "tariffs/waterschapsbelastingen"))
    # rent
    if rij["rol"] == "huurder":
        uit.extend(_huur_toelichting(rij, t, ingreep))
    if rij["rol"] == "eigenaar" and ingreep:
        uit.extend(_eigenaar_toelichting(rij, t))
    uit.append(Toelichting(
        onderwerp="Oordeel",
        tekst="Woonlastenneutraal als de totale woonlasten na de ingreep niet hoger zijn dan ervoor "
              "(verschil ≤ € 0,00 per maand)." if ingreep else "Geen ingreep opgegeven: alleen de situatie vóór."))
    return uit


def _huur_toelichting(rij: pd.Series, t: Tabellen, ingreep: bool) -> list[Toelichting]:
    uit: list[Toelichting] = []
    if ingreep:
        regel = HUURREGELS[int(rij["huurregel"])]
        vt = _rij(t, "tariffs/vergoedingentabel", rij["_rij_vergoedingentabel"])
        tabel = f" Volgens deze regel: {euro(rij['huurverhoging_regels'])} per maand."
        regelrij = _rij(t, "tariffs/huurregels", rij["_rij_regel_isolatie"])
        uit.append(_item("Huur: regel van de peildatum", regel + tabel, regelrij, "tariffs/huurregels"))
        if vt is not None:
            toegepast = int(rij["huurregel"]) in (1, 3, 4)
            uit.append(_item("Huur: vergoedingentabel" + ("" if toegepast else " (ter vergelijking, niet toegepast)"),
                             f"{euro(vt['vergoeding_maand'])} per maand voor "
                             f"{vt['label_voor']} → {vt['label_na']} ({vt['verhuring']}e huurder, klasse "
                             f"{vt['grootteklasse']}).", vt, "tariffs/vergoedingentabel"))
        if rij["huurverhoging_herkomst"] == "opgegeven":
            vergelijking = VERGELIJKING[int(rij["huurverhoging_vergelijking"])]
            uit.append(Toelichting(onderwerp="Huur: afgesproken huurverhoging",
                                   tekst=f"Opgegeven huurverhoging {euro(rij['na_huur_huurverhoging'])} per maand: "
                                         f"{vergelijking} ({euro(rij['huurverhoging_regels'])})."))
        if rij["zon_servicekosten"] > 0:
            zon = _rij(t, "tariffs/huurregels", rij["_rij_regel_zon"])
            uit.append(_item("Huur: zonnepanelen in de servicekosten",
                             f"Investering {euro(rij['investering_zon'])} × {getal(zon['waarde'] if zon is not None else 0)}% "
                             f"per jaar ÷ 12 = {euro(rij['zon_servicekosten'])} per maand (jaar 1-10).", zon,
                             "tariffs/huurregels"))
    if rij["voor_huurtoeslag_berekend"]:
        ht = _rij(t, "tariffs/huurtoeslag", rij["_rij_huurtoeslag_voor"])
        tekst = (f"Geschatte huurtoeslag vóór {euro(-rij['voor_huur_huurtoeslag'])}"
                 + (f", na {euro(-rij['na_huur_huurtoeslag'])}" if ingreep else "")
                 + f" per maand bij een inkomen van {euro(rij['inkomen_jaar'], 0)} per jaar (schatting; vermogen en de "
                   "jongerengrens zijn niet meegenomen; alle servicekosten als subsidiabel aangenomen).")
        uit.append(_item("Huur: huurtoeslag", tekst, ht, "tariffs/huurtoeslag"))
    elif rij["rol"] == "huurder" and not pd.isna(rij["inkomen_jaar"]):
        uit.append(Toelichting(onderwerp="Huur: huurtoeslag",
                               tekst=f"Niet berekend: voor {rij['peildatum'].year} zijn nog geen parameters van de "
                                     "huurtoeslag bekend (tariffs/huurtoeslag.csv)."))
    elif rij["rol"] == "huurder":
        uit.append(Toelichting(onderwerp="Huur: huurtoeslag",
                               tekst="Niet berekend: vul het inkomen van het huishouden in voor een schatting."))
    if not pd.isna(rij["huurklasse_voor"]):
        hg = _rij(t, "tariffs/huurgrenzen", rij["_rij_huurgrenzen"])
        uit.append(_item("Huur: huurklasse", f"Kale huur vóór: {rij['huurklasse_voor']}"
                         + (f"; na: {rij['huurklasse_na']}." if ingreep else "."), hg, "tariffs/huurgrenzen"))
    if not pd.isna(rij["wws_energiepunten_voor"]):
        ws = _rij(t, "tariffs/wws_energiepunten", rij["_rij_wws_voor"])
        tekst = f"Energiepunten WWS: {getal(rij['wws_energiepunten_voor'])}"
        if ingreep:
            tekst += f" → {getal(rij['wws_energiepunten_na'])}"
        if not pd.isna(rij["max_huur_voor"]):
            tekst += (f"; maximale kale huur bij {getal(rij['wws_punten'])} punten: {euro(rij['max_huur_voor'])}"
                      + (f", na {getal(rij['wws_punten_na'])} punten: {euro(rij['max_huur_na'])}" if ingreep else ""))
        uit.append(_item("Huur: WWS", tekst + ".", ws, "tariffs/wws_energiepunten"))
    if not pd.isna(rij["epv_max_maand"]):
        ep = _rij(t, "tariffs/epv", rij["_rij_epv"])
        uit.append(_item("Huur: energieprestatievergoeding", f"Maximale EPV: {euro(rij['epv_max_m2_maand'])} per m² × "
                         f"{getal(rij['oppervlakte_m2'])} m² = {euro(rij['epv_max_maand'])} per maand.", ep,
                         "tariffs/epv"))
    return uit


def _eigenaar_toelichting(rij: pd.Series, t: Tabellen) -> list[Toelichting]:
    uit: list[Toelichting] = []
    catalogus = t["labels/maatregelen"]
    for naam in catalogus.frame["maatregel"]:
        if f"investering_{naam}" not in rij.index or not rij[f"investering_{naam}"] > 0:
            continue
        cat = catalogus.frame.loc[catalogus.frame["maatregel"] == naam].iloc[0]
        eigen = f"prijs_{naam}" in rij.index and not pd.isna(rij[f"prijs_{naam}"])
        prijs = rij[f"prijs_{naam}"] if eigen else cat["investering_per_eenheid"]
        isde = _rij(t, "tariffs/isde", _isde_regel(t, naam, rij["peildatum"]))
        tekst = (f"{getal(rij[f'maatregel_{naam}'], 1)} {cat['eenheid']} × {euro(prijs)} "
                 f"({'eigen offerte' if eigen else 'standaardprijs'}) = {euro(rij[f'investering_{naam}'])}; "
                 f"ISDE {euro(rij.get(f'subsidie_{naam}', 0.0) or 0.0)}.")
        uit.append(_item(f"Eigenaar: {naam.replace('_', ' ')}", tekst, None if eigen else cat, "labels/maatregelen"))
        if isde is not None:
            uit.append(_item(f"Eigenaar: ISDE {naam.replace('_', ' ')}", _isde_tekst(isde), isde, "tariffs/isde"))
    if rij["lening"] > 0:
        wf = _rij(t, "tariffs/warmtefonds", rij["_rij_warmtefonds"])
        vorm = "Warmtefonds-energiebespaarlening" if rij["financiering_vorm"] == "warmtefonds" else "hypotheek"
        nul = " (0%: inkomen onder de grens)" if rij["warmtefonds_nul_procent"] else ""
        uit.append(_item("Eigenaar: lening",
                         f"{vorm}: {euro(rij['lening'])} tegen {getal(rij['rente_lening_pct'], 2)}%{nul} in "
                         f"{getal(rij['looptijd_lening_jaar'])} jaar: annuïteit {euro(rij['maandlast_lening'])} per maand.",
                         wf if rij["financiering_vorm"] == "warmtefonds" else None, "tariffs/warmtefonds"))
    ruimte = _rij(t, "tariffs/hypotheekruimte", rij["_rij_hypotheekruimte"])
    if ruimte is not None and not pd.isna(rij["extra_leenruimte"]):
        boven = " Let op: de lening is hoger dan deze ruimte." if rij["boven_leenruimte"] else ""
        uit.append(_item("Eigenaar: extra leenruimte hypotheek",
                         f"Bij label {rij['energielabel']}: tot {euro(rij['extra_leenruimte'], 0)} extra voor "
                         f"energiebesparende maatregelen.{boven}", ruimte, "tariffs/hypotheekruimte"))
    co2 = t["labels/co2_factoren"]
    uit.append(_item("Eigenaar: terugverdientijd en CO₂",
                     "Terugverdientijd = netto investering ÷ energiebesparing per jaar, bij de prijzen van de "
                     f"peildatum ({getal(rij['terugverdientijd_jaar'], 1)} jaar). CO₂: gasbesparing × "
                     f"{getal(co2.frame.set_index('drager').loc['aardgas', 'kg_co2_per_eenheid'], 2)} kg/m³ + "
                     f"stroombesparing × {getal(co2.frame.set_index('drager').loc['elektriciteit', 'kg_co2_per_eenheid'], 2)} "
                     f"kg/kWh = {getal(rij['co2_besparing_kg'])} kg per jaar.",
                     co2.frame.iloc[0], "labels/co2_factoren"))
    if rij["zon_opwek_kwh"] > 0 and not pd.isna(rij.get("terugleververgoeding_kwh")) and \
            rij["terugleververgoeding_kwh"] < rij["zon_minimum_vergoeding_kwh"] - 1e-9:
        uit.append(Toelichting(onderwerp="Eigenaar: terugleververgoeding",
                               tekst=f"Let op: de opgegeven vergoeding {euro(rij['terugleververgoeding_kwh'], 3)} per kWh "
                                     "ligt onder het wettelijk minimum (50% van de kale leveringsprijs, 2027-2029)."))
    return uit


def _isde_regel(t: Tabellen, naam: str, datum) -> int:
    rijen = t["tariffs/isde"].geldig_op(datum)
    rijen = rijen[rijen["maatregel"] == naam]
    return int(rijen["_rij"].iloc[0]) if len(rijen) else -1


def _isde_tekst(isde: pd.Series) -> str:
    if not pd.isna(isde["startbedrag"]):
        return (f"Warmtepomp: {euro(isde['startbedrag'], 0)} + {euro(isde['bedrag_per_kw'], 0)} per kW boven de eerste "
                "kW.")
    tekst = f"{euro(isde['bedrag_per_eenheid'])} per eenheid"
    if not pd.isna(isde["bedrag_per_eenheid_dubbel"]):
        tekst += f", {euro(isde['bedrag_per_eenheid_dubbel'])} bij twee of meer maatregelen (binnen 24 maanden)"
    if isde["minimaal_aantal_maatregelen"] and isde["minimaal_aantal_maatregelen"] >= 2:
        tekst += "; alleen bij minstens twee maatregelen"
    if not pd.isna(isde["minimum_hoeveelheid"]):
        tekst += f"; minimaal {getal(isde['minimum_hoeveelheid'])}, maximaal {getal(isde['maximum_hoeveelheid'])}"
    return tekst + "."


def _verhouding(na: float, voor: float) -> str:
    return getal(na / voor, 3) if voor else "–"


def _mono_waarde(rij: pd.Series, t: Tabellen) -> float:
    """The space-heating figure per m² used (after the monotone correction) [m³/m²]."""
    return float(rij["gas_m3_per_m2_voor"])
