"""Draw a synthetic sample portfolio of social-rent dwellings in Borne and Hengelo.

    python data/maak_voorbeeld.py [N] [UITVOER]

N (default 400) dwellings are drawn from the distributions in ``verdeling_voorbeeld.csv`` (same folder) with a
fixed seed, so the same N gives the same file. UITVOER (default ``data/voorbeeld_portefeuille.csv``) is written as
Dutch Excel writes CSV: separator ``;``, decimal comma, UTF-8 with BOM.

The dwellings are SYNTHETIC: no row describes a real dwelling, complex or tenant (see data/README.md).

How a row is made:
1. dwellings per woningtype follow ``woningtype``; each type is split into complexes of about 20 dwellings
   (``woningen_per_complex``); a complex has one woningtype, one gemeente and a bouwjaar range of three years;
2. a complex's bouwperiode is drawn from ``bouwperiode`` (``bouwperiode:appartement_hoogbouw`` for high-rise);
3. labels come from ``energielabel:<bouwperiode>`` (older is worse), first scaled per label so that, over the
   complexes actually drawn, the expected mix equals the target ``energielabel``;
4. floor area from ``oppervlakte_m2:<woningtype>`` (half the spread between complexes, the rest within one),
   persons from ``personen:appartement`` / ``personen:eengezins``, kale huur from area and label scaled to the
   mean and spread of ``kale_huur``, servicekosten from ``servicekosten:*``;
5. three rows get a realistic fault, so that a user sees ``status = fout``: energielabel ``H``, an empty
   oppervlakte_m2 and gemeente ``Bornee``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

MAP = Path(__file__).resolve().parent
VERDELING = MAP / "verdeling_voorbeeld.csv"
STANDAARD_UITVOER = MAP / "voorbeeld_portefeuille.csv"
STANDAARD_N = 400
ZAAD = 20250601

KOLOMMEN = ["id", "complex", "gemeente", "woningtype", "oppervlakte_m2", "energielabel", "bouwjaar", "kale_huur",
            "servicekosten", "personen"]
LABELS = ["A++++", "A+++", "A++", "A+", "A", "B", "C", "D", "E", "F", "G"]
APPARTEMENTEN = ("appartement", "appartement_hoogbouw")

# Rent model (schatting): euro per month per m2 above/below the mean area, and a label effect in euro per month
# that follows the order of the WWS energy points (better label, more points, higher rent).
HUUR_PER_M2 = 4.0
HUUR_LABEL = dict(zip(LABELS, [60, 55, 50, 40, 30, 15, 0, -15, -30, -40, -45], strict=True))
HUUR_MIN, HUUR_MAX = 350.0, 895.0  # the maximale huurgrens 2025 is 900.07 (tariffs/huurgrenzen.csv)
M2_MIN, M2_MAX = 28, 250

# Synthetic complex names: a gemeente code, a number and a neighbourhood or street name.
NAMEN = {
    "Borne": ("BOR", ["Hofstraat", "Bornsche Maten", "Stroom Esch", "Oud Borne", "Zuidwest", "Spoordijk",
                      "Molenkamp", "Wensink", "Hertme", "Grotestraat", "Letterveld", "Azelo"]),
    "Hengelo": ("HGL", ["Berflo Es", "Klein Driene", "Groot Driene", "Hasseler Es", "Hengelose Es", "Veldwijk",
                        "Woolde", "Tuindorp 't Lansink", "Slangenbeek", "Wilderinkshoek", "Medaillon", "Nijverheid",
                        "Seven Stars", "Noord", "Brede Broek", "Binnenstad"]),
}


def lees_verdeling(pad: Path = VERDELING) -> pd.DataFrame:
    return pd.read_csv(pad, dtype={"kenmerk": str, "waarde": str}, keep_default_na=False, na_values=[""])


def aandelen(v: pd.DataFrame, kenmerk: str) -> pd.Series:
    """Shares of one categorical kenmerk, normalised to sum 1."""
    r = v[v["kenmerk"] == kenmerk]
    if r.empty:
        raise KeyError(f"{VERDELING.name}: kenmerk '{kenmerk}' ontbreekt")
    s = pd.Series(r["aandeel"].astype(float).to_numpy(), index=r["waarde"].to_numpy())
    return s / s.sum()


def getal(v: pd.DataFrame, kenmerk: str, kolom: str) -> float:
    r = v[v["kenmerk"] == kenmerk]
    if r.empty:
        raise KeyError(f"{VERDELING.name}: kenmerk '{kenmerk}' ontbreekt")
    return float(r[kolom].iloc[0])


def verdeel(totaal: int, aandeel: np.ndarray) -> np.ndarray:
    """Split an integer total by shares (largest remainder), so the parts add up exactly."""
    ruw = np.asarray(aandeel, dtype=float) / np.sum(aandeel) * totaal
    deel = np.floor(ruw).astype(int)
    rest = totaal - deel.sum()
    if rest:
        deel[np.argsort(-(ruw - deel), kind="stable")[:rest]] += 1
    return deel


def pas_labels_aan(prior: pd.DataFrame, gewicht: pd.Series, doel: pd.Series, rondes: int = 200) -> pd.DataFrame:
    """Scale P(label | bouwperiode) per label so that sum_p gewicht[p] * P(label | p) equals the target mix
    (iterative proportional fitting; a label that no drawn period allows stays at 0)."""
    p = prior.loc[gewicht.index].copy()
    w = gewicht / gewicht.sum()
    for _ in range(rondes):
        marge = p.mul(w, axis=0).sum()
        factor = (doel / marge).replace([np.inf], 0).fillna(0)
        p = p * factor
        p = p.div(p.sum(axis=1), axis=0)
    return p


def maak_portefeuille(n: int = STANDAARD_N, zaad: int = ZAAD, verdeling: pd.DataFrame | None = None) -> pd.DataFrame:
    """N synthetic dwellings as a frame with the columns KOLOMMEN (numbers as numbers, faults included)."""
    if n < 1:
        raise ValueError("N moet minstens 1 zijn")
    v = lees_verdeling() if verdeling is None else verdeling
    rng = np.random.default_rng(zaad)

    # 1. complexes per woningtype
    types = aandelen(v, "woningtype")
    per_type = verdeel(n, types.to_numpy())
    k_totaal = max(1, round(n / getal(v, "woningen_per_complex", "gemiddelde")))
    complexen = []  # (woningtype, size)
    for wt, n_t in zip(types.index, per_type, strict=True):
        if n_t == 0:
            continue
        k_t = int(min(n_t, max(1, round(k_totaal * n_t / n))))
        groottes = verdeel(n_t, rng.dirichlet(np.full(k_t, 4.0)))
        while (groottes == 0).any():  # no empty complexes: move one dwelling from the largest
            groottes[np.argmax(groottes)] -= 1
            groottes[np.argmin(groottes)] += 1
        complexen += [(wt, int(g)) for g in groottes]

    # 2. gemeente (greedy to the target share, random order) and bouwperiode per complex
    gemeenten = aandelen(v, "gemeente")
    volgorde = rng.permutation(len(complexen))
    telling = {g: 0 for g in gemeenten.index}
    gemeente_van = {}
    for i in volgorde:
        tekort = {g: gemeenten[g] * n - telling[g] for g in gemeenten.index}
        g = max(tekort, key=tekort.get)
        gemeente_van[i] = g
        telling[g] += complexen[i][1]
    periodes_alg = aandelen(v, "bouwperiode")
    periode_van = []
    for wt, _ in complexen:
        kenmerk = f"bouwperiode:{wt}"
        p = aandelen(v, kenmerk) if (v["kenmerk"] == kenmerk).any() else periodes_alg
        periode_van.append(rng.choice(p.index.to_numpy(), p=p.to_numpy()))

    # 3. label mix per bouwperiode, fitted to the target over the complexes drawn
    prior = pd.DataFrame(0.0, index=periodes_alg.index, columns=LABELS)
    for periode in prior.index:
        prior.loc[periode] = aandelen(v, f"energielabel:{periode}").reindex(LABELS, fill_value=0.0)
    doel = aandelen(v, "energielabel").reindex(LABELS, fill_value=0.0)
    gewicht = pd.Series([g for _, g in complexen], index=periode_van).groupby(level=0).sum()
    p_label = pas_labels_aan(prior, gewicht, doel)

    # 4. dwellings
    pers_app = aandelen(v, "personen:appartement")
    pers_egw = aandelen(v, "personen:eengezins")
    hoogste = max(199, 2 * len(complexen))
    codes = {g: iter(sorted(rng.choice(np.arange(1, hoogste + 1), size=len(complexen), replace=False)))
             for g in gemeenten.index}
    namen = {g: list(rng.permutation(NAMEN[g][1])) for g in gemeenten.index}
    rijen = []
    for i, (wt, grootte) in enumerate(complexen):
        g = gemeente_van[i]
        prefix, _ = NAMEN[g]
        naam = namen[g].pop() if namen[g] else f"Complex {i + 1}"
        complex_naam = f"{prefix}-{next(codes[g]):03d} {naam}"
        periode = periode_van[i]
        van, tot = (int(x) for x in periode.split("-"))
        start = int(rng.integers(van, tot - 1)) if tot - van > 2 else van
        bouwjaren = np.minimum(start + rng.integers(0, 3, size=grootte), tot)
        pl = p_label.loc[periode]
        labels = rng.choice(LABELS, size=grootte, p=(pl / pl.sum()).to_numpy())
        m_gem = getal(v, f"oppervlakte_m2:{wt}", "gemiddelde")
        m_sd = getal(v, f"oppervlakte_m2:{wt}", "spreiding")
        m_complex = m_gem + rng.normal(0, m_sd * 0.6)
        m2 = np.clip(np.rint(rng.normal(m_complex, m_sd * 0.8, size=grootte)), M2_MIN, M2_MAX).astype(int)
        pv = pers_app if wt in APPARTEMENTEN else pers_egw
        personen = rng.choice(pv.index.astype(int).to_numpy(), size=grootte, p=pv.to_numpy())
        personen = np.where(personen >= 5, 5 + (rng.random(grootte) < 0.25), personen)
        if wt in APPARTEMENTEN:
            sk = np.clip(rng.normal(getal(v, "servicekosten:appartement", "gemiddelde"),
                                    getal(v, "servicekosten:appartement", "spreiding"), size=grootte), 5, 60)
        else:
            nul = rng.random(grootte) < getal(v, "servicekosten:eengezins", "aandeel")
            gem_sk = getal(v, "servicekosten:eengezins", "gemiddelde")
            sd_sk = getal(v, "servicekosten:eengezins", "spreiding")
            vorm = (gem_sk / sd_sk) ** 2  # gamma with this mean and spread: small amounts, never below 0
            sk = np.where(nul, 0.0, np.clip(rng.gamma(vorm, gem_sk / vorm, size=grootte), 1, 25))
        for j in range(grootte):
            rijen.append({"complex": complex_naam, "gemeente": g, "woningtype": wt, "oppervlakte_m2": int(m2[j]),
                          "energielabel": labels[j], "bouwjaar": int(bouwjaren[j]), "servicekosten": float(sk[j]),
                          "personen": int(personen[j])})
    df = pd.DataFrame(rijen)

    # kale huur: area and label effect plus noise, scaled to the published mean and an estimated spread
    ruw = (HUUR_PER_M2 * (df["oppervlakte_m2"] - df["oppervlakte_m2"].mean())
           + df["energielabel"].map(HUUR_LABEL) + rng.normal(0, 45, size=len(df)))
    gem, sd = getal(v, "kale_huur", "gemiddelde"), getal(v, "kale_huur", "spreiding")
    schaal = sd / ruw.std() if len(df) > 1 and ruw.std() > 0 else 0.0
    df["kale_huur"] = np.clip(gem + (ruw - ruw.mean()) * schaal, HUUR_MIN, HUUR_MAX).round(2)
    df["servicekosten"] = df["servicekosten"].round(2)

    df = df.sort_values(["gemeente", "complex"], kind="stable").reset_index(drop=True)
    df.insert(0, "id", np.arange(100001, 100001 + len(df)))
    df["oppervlakte_m2"] = df["oppervlakte_m2"].astype("Int64")
    df["personen"] = df["personen"].astype("Int64")
    df = df[KOLOMMEN]

    # 5. deliberate faults (different rows; Bornee on a Borne row when there is one)
    if len(df) >= 3:
        borne = np.flatnonzero(df["gemeente"].to_numpy() == "Borne")
        rij_bornee = int(rng.choice(borne)) if len(borne) else 0
        overig = rng.permutation(np.setdiff1d(np.arange(len(df)), [rij_bornee]))
        df.loc[rij_bornee, "gemeente"] = "Bornee"
        df.loc[int(overig[0]), "energielabel"] = "H"
        df.loc[int(overig[1]), "oppervlakte_m2"] = pd.NA
    return df


def schrijf_excel_csv(df: pd.DataFrame, pad: Path) -> None:
    """CSV as Dutch Excel saves it: ';', decimal comma, UTF-8 with BOM."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(pad, sep=";", decimal=",", float_format="%.2f", index=False, encoding="utf-8-sig")


def main(argv: list[str]) -> int:
    if len(argv) > 2 or (argv and argv[0] in ("-h", "--help")):
        print(__doc__.strip().splitlines()[2].strip())
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    try:
        n = int(argv[0]) if argv else STANDAARD_N
    except ValueError:
        print(f"Fout: N moet een geheel getal zijn, niet '{argv[0]}'", file=sys.stderr)
        return 2
    uit = Path(argv[1]) if len(argv) > 1 else STANDAARD_UITVOER
    try:
        df = maak_portefeuille(n)
    except ValueError as exc:
        print(f"Fout: {exc}", file=sys.stderr)
        return 2
    schrijf_excel_csv(df, uit)
    print(f"{len(df)} synthetische woningen in {df['complex'].nunique()} complexen geschreven naar {uit}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
