/* kt-contract-pdf-terms.c — sections 8–14 of an example contract
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Service levels, penalties, exit, data protection, liability, breach and
 * disputes: the clauses a contract manager looks up before a supplier
 * meeting. Danish content, deliberately not translatable.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-contract-pdf-private.h"

static void
section_service_levels (KtPdfComposition        *comp,
                        const KtContractPdfSpec *spec)
{
  kt_pdf_add_heading (comp, "Servicemål");
  kt_pdf_add_clause (comp, KT_CLAUSE_SLA,
                     "Leverandøren garanterer en oppetid på mindst 99,5 %% målt pr. kalendermåned. "
                     "Oppetiden opgøres som den tid, hvor løsningen er tilgængelig for Kundens brugere, "
                     "i forhold til den samlede driftstid, fratrukket aftalte servicevinduer.");
  kt_pdf_add_clause (comp, -1,
                     "Planlagt vedligehold må kun ske i servicevinduet tirsdag kl. 22.00–02.00 og skal "
                     "varsles mindst fem arbejdsdage før.");
  kt_pdf_add_clause (comp, -1,
                     "Henvendelser til Leverandørens servicedesk prioriteres og besvares inden for "
                     "følgende svar- og løsningstider:");
  kt_pdf_add (comp, KT_PDF_BLOCK_TABLE, NULL,
              "Prioritet\tBeskrivelse\tSvartid\tLøsningstid\n"
              "1 – Kritisk\tLøsningen eller en forretningskritisk funktion er utilgængelig\t30 minutter\t4 timer\n"
              "2 – Alvorlig\tEn væsentlig funktion virker ikke, og der er ingen brugbar omgåelse\t2 timer\t1 arbejdsdag\n"
              "3 – Mindre\tFejl, der kan omgås, eller som kun rammer enkelte brugere\t1 arbejdsdag\t10 arbejdsdage");
  kt_pdf_add_clause (comp, -1,
                     "Svartiden regnes fra Kundens henvendelse, til en kvalificeret medarbejder hos "
                     "Leverandøren er gået i gang med fejlen. Løsningstiden regnes, til fejlen er "
                     "afhjulpet, eventuelt ved en midlertidig omgåelse, som Kunden har godkendt.");
  kt_pdf_add_clause (comp, -1,
                     "Leverandøren sender senest den 10. i hver måned en servicemålsrapport for den "
                     "foregående måned med oppetid, hændelser og overholdelse af svar- og løsningstider. "
                     "Rapporten gennemgås på det kvartalsvise statusmøde.");
  kt_pdf_add_clause (comp, -1,
                     "Servicemålene og den måde, de måles på, er nærmere beskrevet i bilag 1 (Servicemål).");
  if (spec->detail >= 3)
    {
      kt_pdf_add_clause (comp, -1,
                         "Leverandøren opretholder en beredskabsplan, som sikrer, at driften kan genoprettes "
                         "efter et nedbrud i et af driftscentrene. Planen afprøves mindst én gang om året, "
                         "og Kunden modtager en rapport om afprøvningen. Genetablering skal ske inden for "
                         "følgende tider:");
      kt_pdf_add (comp, KT_PDF_BLOCK_TABLE, NULL,
                  "Hændelse\tMaksimalt datatab\tGenetablering\n"
                  "Fejl i en server eller et lagersystem\tIntet\t4 timer\n"
                  "Tab af et driftscenter\t15 minutter\t24 timer\n"
                  "Sikkerhedshændelse med krypterede data\t24 timer\t72 timer");
      kt_pdf_add_clause (comp, -1,
                         "Leverandøren tager dagligt sikkerhedskopi af Kundens data, opbevarer den i 90 "
                         "dage på en adskilt lokation og gennemfører hvert kvartal en prøvegendannelse, som "
                         "dokumenteres i servicemålsrapporten.");
    }
}

static void
section_penalties (KtPdfComposition        *comp,
                   const KtContractPdfSpec *spec)
{
  kt_pdf_add_heading (comp, "Bod");
  kt_pdf_add_clause (comp, KT_CLAUSE_PENALTY,
                     "Overholder Leverandøren ikke oppetiden i punkt 8, betaler Leverandøren bod af det "
                     "månedlige vederlag efter bodstrappen i bilag 1: 10 %% ved en oppetid fra 99,0 %% til "
                     "99,49 %%, 25 %% fra 98,0 %% til 98,99 %% og 40 %% under 98,0 %%.");
  kt_pdf_add_clause (comp, -1,
                     "Overskrides løsningstiden for en fejl af prioritet 1, betaler Leverandøren en bod på "
                     "2.500 kr. for hver påbegyndt time, løsningstiden overskrides. For fejl af prioritet "
                     "2 udgør boden 1.500 kr. for hver påbegyndt arbejdsdag.");
  kt_pdf_add_clause (comp, -1,
                     "Den samlede bod kan ikke overstige 15 %% af det årlige vederlag. Bod forfalder "
                     "samtidig med den førstkommende faktura og modregnes i denne.");
  kt_pdf_add_clause (comp, -1,
                     "Betaling af bod udelukker ikke, at Kunden gør andre misligholdelsesbeføjelser "
                     "gældende, men bod fragår i en eventuel erstatning for samme forhold.");
  if (spec->detail >= 1)
    kt_pdf_add_clause (comp, -1,
                       "Er ydelserne ikke klar til drift på det aftalte tidspunkt, betaler Leverandøren en "
                       "bod på 0,2 %% af det årlige vederlag for hver påbegyndt arbejdsdag, forsinkelsen "
                       "varer, dog højst i 50 arbejdsdage.");
}

static void
section_exit (KtPdfComposition        *comp,
              const KtContractPdfSpec *spec)
{
  const KtContract *c = spec->contract;

  kt_pdf_add_heading (comp, "Exit og ophørsbistand");
  kt_pdf_add_clause (comp, KT_CLAUSE_EXIT,
                     "Ved Aftalens ophør, uanset årsagen, skal Leverandøren yde loyal ophørsbistand, så "
                     "ydelserne kan videreføres af Kunden eller en ny leverandør uden afbrydelse. "
                     "Ophørsbistanden ydes i op til 12 måneder efter ophøret til timepriserne i bilag 4.");
  kt_pdf_add_clause (comp, -1,
                     "Leverandøren udleverer vederlagsfrit alle Kundens data med tilhørende metadata og "
                     "dokumentation i et åbent, dokumenteret format, som Kunden kan læse uden "
                     "Leverandørens programmel, senest 30 dage før ophøret.");
  if (c->exit_notes != NULL && *c->exit_notes != '\0')
    kt_pdf_add_clause (comp, -1, "%s", c->exit_notes);
  kt_pdf_add_clause (comp, -1,
                     "Leverandøren udarbejder senest seks måneder efter Aftalens ikrafttræden en exitplan "
                     "(bilag 6), som opdateres årligt og godkendes af Kunden.");
  if (spec->detail >= 2)
    {
      kt_pdf_add_clause (comp, -1, "Exitplanen skal mindst beskrive:");
      kt_pdf_add (comp, KT_PDF_BLOCK_TABLE, NULL,
                  "Emne\tIndhold\n"
                  "Data\tHvilke data der udleveres, i hvilket format og med hvilke metadata\n"
                  "Snitflader\tIntegrationer til andre systemer og deres dokumentation\n"
                  "Arkivering\tAflevering af arkiveringsversion til stadsarkivet\n"
                  "Tidsplan\tAktiviteter, ansvar og prøver frem til ophøret\n"
                  "Viden\tOverdragelse af driftsdokumentation og konfiguration");
    }
  kt_pdf_add_clause (comp, -1,
                     "Når Kunden har bekræftet, at data er modtaget og kan læses, sletter Leverandøren "
                     "Kundens data og sender Kunden et slettecertifikat.");
}

static void
section_data_protection (KtPdfComposition        *comp,
                         const KtContractPdfSpec *spec)
{
  const KtContract *c = spec->contract;

  kt_pdf_add_heading (comp, "Databeskyttelse");
  if (c->personal_data)
    {
      kt_pdf_add_clause (comp, KT_CLAUSE_DATA_PROTECTION,
                         "Leverandøren behandler personoplysninger på Kundens vegne som databehandler. "
                         "Behandlingen sker alene efter Kundens instruks og efter databehandleraftalen "
                         "(bilag 5), som er indgået samtidig med Aftalen.");
      kt_pdf_add_clause (comp, -1,
                         "Leverandøren sender hvert år inden 1. maj en revisionserklæring (ISAE 3000 eller "
                         "ISAE 3402) om behandlingssikkerheden til Kunden og må kun anvende "
                         "underdatabehandlere, som Kunden har godkendt.");
      kt_pdf_add_clause (comp, -1,
                         "Brud på persondatasikkerheden skal meddeles Kunden uden unødig forsinkelse og "
                         "senest 24 timer efter, at Leverandøren er blevet opmærksom på bruddet.");
    }
  else
    kt_pdf_add_clause (comp, KT_CLAUSE_DATA_PROTECTION,
                       "Leverandøren behandler ikke personoplysninger på Kundens vegne efter Aftalen. "
                       "Kommer Leverandøren alligevel til at behandle personoplysninger, indgår Parterne "
                       "en databehandleraftale, før behandlingen begynder.");
  if (spec->detail >= 3)
    kt_pdf_add_clause (comp, -1,
                       "Leverandøren arbejder efter et ledelsessystem for informationssikkerhed baseret på "
                       "ISO/IEC 27001 og giver Kunden adgang til den seneste risikovurdering af "
                       "løsningen. Sårbarheder, der vurderes som kritiske, lukkes senest syv dage efter, "
                       "at en rettelse er tilgængelig.");
  if (spec->detail >= 2)
    kt_pdf_add_clause (comp, -1,
                       "Personoplysninger må ikke overføres til lande uden for EU/EØS uden Kundens "
                       "forudgående skriftlige instruks.");
  kt_pdf_add_clause (comp, -1,
                     "Leverandøren skal iagttage fortrolighed om alle oplysninger om Kunden og Kundens "
                     "borgere, som Leverandøren får kendskab til. Pligten gælder også efter Aftalens ophør.");
}

static void
section_liability (KtPdfComposition        *comp,
                   const KtContractPdfSpec *spec)
{
  const KtContract *c = spec->contract;
  g_autofree char *minimum = kt_pdf_money (c->annual_cost != KT_MONEY_NONE && c->annual_cost > 100000000
                                           ? c->annual_cost : 100000000);

  kt_pdf_add_heading (comp, "Ansvar og forsikring");
  kt_pdf_add_clause (comp, -1,
                     "Parterne er ansvarlige efter dansk rets almindelige regler med de begrænsninger, der "
                     "følger af dette punkt.");
  kt_pdf_add_clause (comp, KT_CLAUSE_LIABILITY,
                     "Hver Parts samlede erstatningsansvar er begrænset til et beløb svarende til det "
                     "samlede vederlag for de seneste 12 måneder, dog aldrig under %s for hver Part. "
                     "Begrænsningen gælder "
                     "ikke ved forsæt eller grov uagtsomhed eller for tab, der skyldes brud på "
                     "databeskyttelsesreglerne.", minimum);
  kt_pdf_add_clause (comp, -1,
                     "Ingen af Parterne er ansvarlig for driftstab, avancetab eller andre indirekte tab. "
                     "Omkostninger til at genskabe data, som Leverandøren har mistet, anses dog som "
                     "direkte tab.");
  if (spec->detail >= 3)
    kt_pdf_add_clause (comp, -1,
                       "Kunden har en tidsubegrænset og uoverdragelig brugsret til standardprogrammellet "
                       "og den fulde ejendomsret til data, konfiguration og dokumentation, der er udviklet "
                       "specifikt til Kunden. Leverandøren friholder Kunden for krav fra tredjemand om "
                       "krænkelse af immaterielle rettigheder.");
  kt_pdf_add_clause (comp, -1,
                     "Leverandøren skal i hele Aftalens løbetid have en professionel ansvarsforsikring med "
                     "en dækning på mindst 10.000.000 kr. pr. skade og dokumentere forsikringen, når "
                     "Kunden anmoder om det.");
}

static void
section_breach (KtPdfComposition        *comp,
                const KtContractPdfSpec *spec)
{
  kt_pdf_add_heading (comp, "Misligholdelse");
  kt_pdf_add_clause (comp, -1,
                     "Der foreligger misligholdelse, hvis en Part ikke opfylder sine forpligtelser efter "
                     "Aftalen, medmindre forholdet skyldes den anden Part eller force majeure.");
  kt_pdf_add_clause (comp, -1,
                     "Kunden kan give Leverandøren skriftligt påkrav om at afhjælpe misligholdelsen inden "
                     "for 10 arbejdsdage. Sker afhjælpning ikke rettidigt, kan Kunden kræve "
                     "forholdsmæssigt afslag i vederlaget eller erstatning efter punkt 12.");
  kt_pdf_add_clause (comp, -1,
                     "Ved væsentlig misligholdelse kan den anden Part ophæve Aftalen helt eller delvist. "
                     "Væsentlig misligholdelse foreligger blandt andet, hvis oppetiden i tre på hinanden "
                     "følgende måneder er under 98 %%, hvis den samlede bod når loftet i punkt 9, eller "
                     "hvis Leverandøren tages under konkursbehandling.");
  kt_pdf_add_clause (comp, -1,
                     "Kunden kan endvidere ophæve Aftalen, hvis det er påkrævet efter udbudsreglerne, "
                     "herunder hvis Aftalen erklæres for uden virkning af Klagenævnet for Udbud.");
  if (spec->detail >= 1)
    kt_pdf_add_clause (comp, -1,
                       "Ingen af Parterne er ansvarlig for forhold, der ligger uden for Partens kontrol, "
                       "og som Parten ikke burde have forudset ved Aftalens indgåelse (force majeure). "
                       "Varer force majeure i mere end 60 dage, kan hver Part opsige Aftalen med 14 dages "
                       "varsel.");
}

static void
section_disputes (KtPdfComposition        *comp,
                  const KtContractPdfSpec *spec)
{
  kt_pdf_add_heading (comp, "Tvister");
  kt_pdf_add_clause (comp, -1, "Aftalen er underlagt dansk ret.");
  kt_pdf_add_clause (comp, -1,
                     "Uenighed søges først løst ved forhandling mellem Parternes kontaktpersoner og "
                     "dernæst ved eskalation til Kundens digitaliseringschef og Leverandørens "
                     "administrerende direktør. Hver Part kan kræve, at et eskalationsmøde holdes inden "
                     "for 10 arbejdsdage.");
  kt_pdf_add_clause (comp, -1,
                     "Kan uenigheden ikke løses ved forhandling inden 30 dage, kan hver Part kræve den "
                     "indbragt for mægling ved Mediationsinstituttet. Fører mæglingen ikke til en løsning, "
                     "afgøres tvisten af de almindelige domstole ved Kundens hjemting.");
  if (spec->detail >= 1)
    kt_pdf_add_clause (comp, -1,
                       "Uenighed om tekniske spørgsmål kan hver Part forelægge for en uafhængig sagkyndig, "
                       "som Parterne udpeger i fællesskab. Den sagkyndige afgiver en skriftlig udtalelse "
                       "inden 30 dage, og Parterne deler omkostningerne ligeligt.");
}

void
kt_pdf_compose_terms (KtPdfComposition        *comp,
                      const KtContractPdfSpec *spec)
{
  section_service_levels (comp, spec);
  section_penalties (comp, spec);
  section_exit (comp, spec);
  section_data_protection (comp, spec);
  section_liability (comp, spec);
  section_breach (comp, spec);
  section_disputes (comp, spec);
}
