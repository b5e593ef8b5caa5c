"""The energy bill per carrier [€/maand]: tax brackets, BTW, price cap, fixed and network costs, solar."""

from __future__ import annotations

import numpy as np
import pandas as pd

from woonlasten.data.laden import Tabellen
from woonlasten.data.opzoeken import zoek
from woonlasten.formatteer import euro, getal
from woonlasten.modellen import ZONDER_GASAANSLUITING, Toelichting
from woonlasten.rekenen.regel import Regel, bronrij, item
from woonlasten.rekenen.rekenblad import (
    MAANDEN_PER_JAAR,
    SITUATIES,
    Fouten,
    Rekenblad,
    categorie,
    eigen_of_standaard,
    is_gelijk,
    met_waarde,
    vul,
)
from woonlasten.rekenen.schijven import schijven_op_datum


def _kosten_drager(volume, leveringsprijs, prijs1, vast_incl_btw, btw, schijven, plafond) -> np.ndarray:
    """Yearly cost of one carrier [€/jaar]: volume through the tax brackets, BTW, price cap, plus the fixed costs
    incl. BTW. ``prijs1``: the variable price of the first bracket incl. BTW [€/eenheid] (see :func:`energie`)."""
    v = vul(volume, 0.0)  # a missing volume uses nothing
    door_schijven = np.zeros(len(v))  # the volume that went through the brackets
    belasting = np.zeros(len(v))  # Σ volume in bracket × (energiebelasting + ODE) [€/jaar excl. BTW]
    hoogste = v.max() if len(v) else 0.0
    for s in schijven:
        vanaf = s["schijf_vanaf"]
        if np.ndim(vanaf) == 0 and not vanaf <= hoogste:
            continue  # no row reaches this bracket (or no bracket on this date)
        in_schijf = v - vanaf
        np.clip(in_schijf, 0.0, s["schijf_tot"] - vanaf, out=in_schijf)
        in_schijf = vul(in_schijf, 0.0)  # rows whose date has fewer brackets
        door_schijven += in_schijf
        belasting += in_schijf * (vul(s["energiebelasting_excl_btw"], 0.0) + s["ode_excl_btw"])
    variabel = (leveringsprijs * door_schijven + belasting) * (1 + btw)
    return variabel - plafondkorting(volume, prijs1, plafond) + vast_incl_btw


def plafondkorting(volume, prijs1, plafond: dict) -> np.ndarray | float:
    """Prijsplafond 2023 [€/jaar]: the all-in price ``prijs1`` [€/eenheid incl. BTW] above the cap price is not paid
    on the volume under the cap; 0 where no cap applies. ``plafond``: the rows of tariffs/prijsplafond found."""
    if np.ndim(plafond["_rij"]) == 0 and plafond["_rij"] < 0:
        return 0.0  # no price cap on this date
    return vul(np.minimum(np.maximum(volume, 0.0), plafond["plafondvolume_jaar"])
               * np.maximum(prijs1 - plafond["plafondprijs_incl_btw"], 0.0), 0.0)


def _zon(verbruik_kwh, opwek_kwh, leveringsprijs, btw, ret, eigen_aandeel=np.nan, vergoeding_kwh=np.nan) -> tuple:
    """Solar panels: the kWh bought from the grid [kWh/jaar] and the yearly revenue of exported kWh [€/jaar].
    With saldering the production is netted against use; without it only the self-consumed share saves the full
    price and the rest earns the feed-in compensation minus terugleverkosten."""
    if not np.any(opwek_kwh) and not np.any(verbruik_kwh < 0):  # no panels: everything is bought, nothing exported
        return np.maximum(verbruik_kwh, 0.0), np.zeros(len(verbruik_kwh))
    saldering = np.asarray(ret["saldering"], dtype=object) != "nee"
    eigen = np.minimum(opwek_kwh * vul(eigen_aandeel, vul(ret["eigen_verbruik_aandeel"], 0.0)), verbruik_kwh)
    netto = verbruik_kwh - opwek_kwh
    inkoop = np.where(saldering, np.maximum(netto, 0.0), verbruik_kwh - eigen)
    export = np.where(saldering, np.maximum(-netto, 0.0), opwek_kwh - eigen)
    vergoeding = vul(vergoeding_kwh, leveringsprijs * vul(ret["minimum_vergoeding_aandeel_leveringsprijs"], 0.0))
    kosten = np.where(saldering, 0.0, vul(ret["terugleverkosten_kwh_excl_btw"], 0.0))
    return inkoop, np.nan_to_num(export * (vergoeding - kosten) * (1 + btw))


def _gasaansluiting(verwarming) -> np.ndarray:
    """True where the heating needs a gas connection (not a full heat pump, not a heat network)."""
    return ~np.logical_or.reduce([is_gelijk(verwarming, v) for v in ZONDER_GASAANSLUITING])


def energie(f: Rekenblad, t: Tabellen, fouten: Fouten) -> None:
    """Energy costs per situation [€/maand] in ``{voor,na}_energie_{gas,elektriciteit,totaal}``.

    Per carrier and year: volume through the tax brackets × (delivery price + energiebelasting + ODE) × (1 + BTW),
    minus the 2023 price cap on the capped volume, plus (fixed delivery + network costs) × (1 + BTW); for
    electricity minus the belastingvermindering × (1 + BTW) and the revenue of exported solar kWh. A dwelling on
    a full heat pump or a heat network has no gas connection: no gas costs at all (heat: :mod:`.warmte`).
    """
    pd_ = f["_peildatum_cat"]
    n = f.n
    btw_r = zoek(t["tariffs/btw"], pd_, {"toepassing": "energie"}, ["btw_tarief"], n=n)
    fouten.zet(btw_r["_rij"] < 0, met_waarde("peildatum: geen btw-tarief voor energie bekend op ", f["peildatum"]))
    f["_rij_btw"] = btw_r["_rij"]
    btw = btw_r["btw_tarief"]
    f["btw_energie"] = btw
    verm = zoek(t["tariffs/belastingvermindering"], pd_, None, ["bedrag_jaar_excl_btw"], n=n)
    f["_rij_belastingvermindering"] = verm["_rij"]
    ret = zoek(t["tariffs/teruglevering"], pd_, None,
               ["saldering", "minimum_vergoeding_aandeel_leveringsprijs", "terugleverkosten_kwh_excl_btw",
                "eigen_verbruik_aandeel"], n=n)
    f["_rij_teruglevering"] = ret["_rij"]
    dragers = {"elektriciteit": ("kwh", "elektriciteit_kwh"), "gas": ("m3", "gas_m3")}
    lev = {}
    for drager in dragers:
        lev[drager] = zoek(t["tariffs/leveringstarieven"], pd_, {"drager": drager},
                           ["leveringsprijs_excl_btw", "vaste_leveringskosten_jaar_excl_btw"], n=n)
        fouten.zet(lev[drager]["_rij"] < 0, met_waarde(f"peildatum: geen standaard leveringstarief {drager} bekend op ",
                                                 f["peildatum"]))
        f[f"_rij_leveringstarief_{drager}"] = lev[drager]["_rij"]
    # a given total of fixed delivery costs (the household's own bill) is split in the ratio of the two standard
    # amounts where the home has gas; a home without a gas connection (heat pump, heat network) has only an
    # electricity contract, so its whole given amount is electricity
    std = {d: lev[d]["vaste_leveringskosten_jaar_excl_btw"] for d in dragers}
    std_totaal = std["elektriciteit"] + std["gas"]
    gas_voor = _gasaansluiting(f["verwarming"])
    gemeente = f["gemeente"]
    for drager, (eenheid, verbruik_kol) in dragers.items():
        schijven = schijven_op_datum(t["tariffs/energiebelasting"], drager, pd_)
        onbekend = np.broadcast_to(np.isnan(schijven[0]["_rij"]), (n,))
        fouten.zet(onbekend, met_waarde(f"peildatum: geen energiebelasting {drager} bekend op ",
                                                       f["peildatum"]))
        f[f"_rij_energiebelasting_{drager}"] = schijven[0]["_rij"]
        prijs = eigen_of_standaard(f[f"{drager}_leveringsprijs_{eenheid}"], lev[drager]["leveringsprijs_excl_btw"])
        f[f"leveringsprijs_{drager}"] = prijs
        aandeel = np.where(gas_voor, vul(std[drager] / np.where(std_totaal > 0, std_totaal, np.nan), 0.5),
                           1.0 if drager == "elektriciteit" else 0.0)
        vast = eigen_of_standaard(f["vaste_leveringskosten_jaar"] * aandeel, std[drager])
        f[f"vaste_leveringskosten_{drager}"] = vast
        nb = zoek(t["tariffs/netbeheerder_gemeente"], None, {"gemeente": gemeente, "drager": drager},
                  ["netbeheerder"], n=n)
        netbeheerder = categorie(nb["netbeheerder"])
        if (netbeheerder.codes < 0).any():
            netbeheerder = netbeheerder.add_categories(["landelijk gemiddelde"]).fillna("landelijk gemiddelde")
        f[f"netbeheerder_{drager}"] = netbeheerder
        net = zoek(t["tariffs/netbeheer"], pd_, {"netbeheerder": f[f"netbeheerder_{drager}"], "drager": drager},
                   ["netbeheerkosten_jaar_excl_btw"], n=n)
        fouten.zet(net["_rij"] < 0, met_waarde(f"peildatum: geen netbeheerkosten {drager} bekend op ", f["peildatum"]))
        f[f"_rij_netbeheer_{drager}"] = net["_rij"]
        f[f"netbeheerkosten_{drager}"] = net["netbeheerkosten_jaar_excl_btw"]
        plafond = zoek(t["tariffs/prijsplafond"], pd_, {"drager": drager},
                       ["plafondprijs_incl_btw", "plafondvolume_jaar"], n=n)
        f[f"_rij_prijsplafond_{drager}"] = plafond["_rij"]
        prijs1 = (prijs + schijven[0]["energiebelasting_excl_btw"] + schijven[0]["ode_excl_btw"]) * (1 + btw)
        vast_incl_btw = (vast + net["netbeheerkosten_jaar_excl_btw"]) * (1 + btw)
        for s in SITUATIES:
            volume = f[f"verbruik_{verbruik_kol}_{s}"]
            if drager == "elektriciteit":
                opwek = f["zon_opwek_kwh"] if s == "na" else np.zeros(n)
                volume, opbrengst = _zon(volume, opwek, prijs, btw, ret, f["zon_eigen_verbruik_aandeel"],
                                         f["terugleververgoeding_kwh"])
                f["zon_minimum_vergoeding_kwh"] = prijs * vul(ret["minimum_vergoeding_aandeel_leveringsprijs"], 0.0)
                f[f"{s}_elektriciteit_inkoop_kwh"] = volume
                f[f"{s}_zon_opbrengst_jaar"] = opbrengst
            kosten = _kosten_drager(volume, prijs, prijs1, vast_incl_btw, btw, schijven, plafond)
            if drager == "elektriciteit":
                kosten = kosten - vul(verm["bedrag_jaar_excl_btw"], 0.0) * (1 + btw) - f[f"{s}_zon_opbrengst_jaar"]
            else:
                verwarming = f["verwarming"] if s == "voor" else f["verwarming_na"]
                aansluiting = _gasaansluiting(verwarming)
                kosten = np.where(aansluiting, kosten, 0.0)
                f[f"{s}_gasaansluiting"] = aansluiting
            f[f"{s}_energie_{drager}_jaar"] = kosten
            f[f"{s}_energie_{drager}"] = kosten / MAANDEN_PER_JAAR
        f[f"prijs_{drager}_incl_btw"] = prijs1


def uitleg(rij: pd.Series, t: Tabellen) -> list[Toelichting]:
    """Energy lines: BTW, energiebelasting, delivery price, network costs, price cap, reduction, solar."""
    uit: list[Toelichting] = []
    ingreep = bool(rij["heeft_ingreep"])
    btw = bronrij(t, "tariffs/btw", rij["_rij_btw"])
    if btw is not None:
        uit.append(item("Energie: btw", f"Btw op energie op {rij['peildatum'].date()}: "
                         f"{getal(btw['btw_tarief'] * 100)}%.", btw, "tariffs/btw"))
    # no gas connection before nor after (full heat pump, heat network): no gas tariff lines
    gas = bool(rij["voor_gasaansluiting"]) or (ingreep and bool(rij["na_gasaansluiting"]))
    for drager, eenheid in (("elektriciteit", "kWh"), ("gas", "m³")) if gas else (("elektriciteit", "kWh"),):
        eb = bronrij(t, "tariffs/energiebelasting", rij[f"_rij_energiebelasting_{drager}"])
        if eb is not None:
            ode = f" + ODE {euro(eb['ode_excl_btw'], 5)}" if eb["ode_excl_btw"] and eb["ode_excl_btw"] > 0 else ""
            uit.append(item(f"Energie: energiebelasting {drager}",
                             f"{euro(eb['energiebelasting_excl_btw'], 5)} per {eenheid}{ode} excl. btw "
                             f"(eerste schijf).", eb, "tariffs/energiebelasting"))
        lev = bronrij(t, "tariffs/leveringstarieven", rij[f"_rij_leveringstarief_{drager}"])
        eigen = not pd.isna(rij[f"{drager}_leveringsprijs_{'kwh' if drager == 'elektriciteit' else 'm3'}"])
        uit.append(item(f"Energie: leveringsprijs {drager}",
                         f"{euro(rij[f'leveringsprijs_{drager}'], 4)} per {eenheid} excl. belasting en btw "
                         + ("(eigen contract)." if eigen else "(standaard: gemiddeld consumententarief; "
                            "vul het eigen contract in voor een precieze berekening)."),
                         None if eigen else lev, None if eigen else "tariffs/leveringstarieven"))
        net = bronrij(t, "tariffs/netbeheer", rij[f"_rij_netbeheer_{drager}"])
        if net is not None:
            uit.append(item(f"Energie: netbeheerkosten {drager}",
                             f"{rij[f'netbeheerder_{drager}']}: {euro(net['netbeheerkosten_jaar_excl_btw'])} per jaar "
                             "excl. btw.", net, "tariffs/netbeheer"))
        pl = bronrij(t, "tariffs/prijsplafond", rij[f"_rij_prijsplafond_{drager}"])
        if pl is not None:
            uit.append(item(f"Energie: prijsplafond {drager}",
                             f"Tot {getal(pl['plafondvolume_jaar'])} {eenheid} per jaar hooguit "
                             f"{euro(pl['plafondprijs_incl_btw'], 2)} per {eenheid} incl. belasting en btw.",
                             pl, "tariffs/prijsplafond"))
    vm = bronrij(t, "tariffs/belastingvermindering", rij["_rij_belastingvermindering"])
    if vm is not None:
        uit.append(item("Energie: vermindering energiebelasting",
                         f"{euro(vm['bedrag_jaar_excl_btw'])} per jaar excl. btw per elektriciteitsaansluiting.",
                         vm, "tariffs/belastingvermindering"))
    if ingreep and rij["zon_opwek_kwh"] > 0:
        ret = bronrij(t, "tariffs/teruglevering", rij["_rij_teruglevering"])
        uit.append(item("Energie: zonnepanelen",
                         f"Opwek {getal(rij['zon_opwek_kwh'])} kWh per jaar; salderen: "
                         f"{ret['saldering'] if ret is not None else '?'}.",
                         ret, "tariffs/teruglevering"))
    return uit


VOLGORDE = 30

REGELS = (
    Regel(
        "energie", energie,
        leest=("_peildatum_cat", "peildatum", "gemeente", "gas_leveringsprijs_m3", "elektriciteit_leveringsprijs_kwh",
               "vaste_leveringskosten_jaar", "verbruik_gas_m3_{s}", "verbruik_elektriciteit_kwh_{s}", "zon_opwek_kwh",
               "zon_eigen_verbruik_aandeel", "terugleververgoeding_kwh", "verwarming", "verwarming_na"),
        schrijft=("_rij_btw", "btw_energie", "_rij_belastingvermindering", "_rij_teruglevering",
                  "_rij_leveringstarief_gas", "_rij_leveringstarief_elektriciteit", "_rij_energiebelasting_gas",
                  "_rij_energiebelasting_elektriciteit", "leveringsprijs_gas", "leveringsprijs_elektriciteit",
                  "vaste_leveringskosten_gas", "vaste_leveringskosten_elektriciteit", "netbeheerder_gas",
                  "netbeheerder_elektriciteit", "_rij_netbeheer_gas", "_rij_netbeheer_elektriciteit",
                  "netbeheerkosten_gas", "netbeheerkosten_elektriciteit", "_rij_prijsplafond_gas",
                  "_rij_prijsplafond_elektriciteit", "zon_minimum_vergoeding_kwh", "{s}_elektriciteit_inkoop_kwh",
                  "{s}_zon_opbrengst_jaar", "{s}_gasaansluiting", "{s}_energie_gas_jaar",
                  "{s}_energie_elektriciteit_jaar", "{s}_energie_gas", "{s}_energie_elektriciteit",
                  "prijs_gas_incl_btw", "prijs_elektriciteit_incl_btw"),
        tabellen=("tariffs/btw", "tariffs/belastingvermindering", "tariffs/teruglevering", "tariffs/leveringstarieven",
                  "tariffs/energiebelasting", "tariffs/netbeheerder_gemeente", "tariffs/netbeheer",
                  "tariffs/prijsplafond"),
        uitleg=uitleg,
    ),
)
