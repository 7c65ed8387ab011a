/* kt-contract-pdf-annex.c — a data processing agreement and the service
 * level appendix of an example contract
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The data processing agreement follows the usual Danish template built on
 * article 28 of the GDPR; the appendix spells out what section 8 of the
 * contract promises. Danish content, deliberately not translatable.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-contract-pdf-private.h"

static void
dpa_scope (KtPdfComposition        *comp,
           const KtContractPdfSpec *spec,
           const KtContract        *main)
{
  g_autofree char *table = g_strdup_printf ("Emne\tBeskrivelse\n"
                                            "Formål\tLevering af ydelserne efter Hovedaftalen: %s\n"
                                            "Registrerede\tBorgere, som Kunden behandler sager om, og "
                                            "Kundens medarbejdere\n"
                                            "Oplysninger\tAlmindelige oplysninger og CPR-nummer; følsomme "
                                            "oplysninger, i det omfang de indgår i Kundens sager\n"
                                            "Lokation\tLeverandørens driftscentre i Danmark\n"
                                            "Varighed\tHovedaftalens løbetid og den efterfølgende "
                                            "ophørsperiode",
                                            main->purchased_services != NULL ? main->purchased_services
                                                                             : main->name);

  kt_pdf_add_heading (comp, "Behandlingens omfang");
  kt_pdf_add_clause (comp, -1, "Leverandøren behandler personoplysninger i følgende omfang:");
  kt_pdf_add (comp, KT_PDF_BLOCK_TABLE, NULL, table);
  kt_pdf_add_clause (comp, -1, "Instruksen omfatter alene følgende behandlinger:");
  kt_pdf_add (comp, KT_PDF_BLOCK_TABLE, NULL,
              "Behandling\tHvad Leverandøren gør\n"
              "Opbevaring\tOpbevarer data i løsningens databaser og filarkiver\n"
              "Drift\tOvervåger, opdaterer og genstarter løsningen; læser kun data, når en fejl kræver "
              "det\n"
              "Support\tSer data på Kundens anmodning for at løse en henvendelse, og kun i den "
              "henvendelses omfang\n"
              "Sikkerhedskopi\tTager daglig kopi og gendanner efter Kundens anmodning\n"
              "Test\tAnvender kun anonymiserede eller fiktive data i test- og uddannelsesmiljøer\n"
              "Sletning\tSletter data efter Kundens slettefrister og ved Hovedaftalens ophør");
}

void
kt_pdf_compose_data_processing (KtPdfComposition        *comp,
                                const KtContractPdfSpec *spec)
{
  const KtContract *c = spec->contract;
  const KtContract *main = spec->main_contract != NULL ? spec->main_contract : c;
  g_autofree char *start = kt_pdf_date (&c->start_date);
  const char *cvr = spec->supplier->cvr != NULL ? spec->supplier->cvr : "";

  comp->title = g_strdup_printf ("Databehandleraftale %s – %s", c->number, main->name);
  comp->keywords = g_strdup ("databehandleraftale, personoplysninger, underdatabehandlere, "
                             "sikkerhedsbrud, sletning, opsigelse");
  kt_pdf_compose_front (comp, spec, "DATABEHANDLERAFTALE", "efter databeskyttelsesforordningens artikel 28");
  kt_pdf_add (comp, KT_PDF_BLOCK_CONTENTS, NULL, "Indhold");
  kt_pdf_add_space (comp, 10);

  kt_pdf_add_heading (comp, "Parter");
  kt_pdf_add_clause (comp, -1,
                     "Denne databehandleraftale (»Databehandleraftalen«) er indgået mellem %s, CVR-nr. %s, "
                     "som dataansvarlig (»Kunden«) og %s, CVR-nr. %s, som databehandler "
                     "(»Leverandøren«).", KT_PDF_CUSTOMER, KT_PDF_CUSTOMER_CVR, spec->supplier->name, cvr);

  kt_pdf_add_heading (comp, "Baggrund og formål");
  kt_pdf_add_clause (comp, -1,
                     "Databehandleraftalen er bilag 5 til kontrakt %s om %s (»Hovedaftalen«) og fastsætter "
                     "de vilkår, hvorunder Leverandøren behandler personoplysninger på Kundens vegne.",
                     main->number, main->name);
  kt_pdf_add_clause (comp, -1,
                     "Ved uoverensstemmelse mellem Databehandleraftalen og Hovedaftalen går "
                     "Databehandleraftalen forud i alle spørgsmål om behandling af personoplysninger.");

  dpa_scope (comp, spec, main);

  kt_pdf_add_heading (comp, "Kundens instruks");
  kt_pdf_add_clause (comp, -1,
                     "Leverandøren må kun behandle personoplysninger efter dokumenteret instruks fra Kunden. "
                     "Finder Leverandøren, at en instruks strider mod databeskyttelsesreglerne, skal "
                     "Leverandøren straks underrette Kunden.");
  kt_pdf_add_clause (comp, -1,
                     "Kunden er ansvarlig for, at der er hjemmel til behandlingen, og at de registrerede "
                     "er oplyst om den.");

  kt_pdf_add_heading (comp, "Fortrolighed");
  kt_pdf_add_clause (comp, -1,
                     "Kun medarbejdere, der er underlagt tavshedspligt, og som har brug for det for at "
                     "levere ydelserne, må have adgang til personoplysningerne. Adgangen gennemgås "
                     "mindst hvert halve år og lukkes, når behovet ophører.");
  kt_pdf_add_clause (comp, -1,
                     "Leverandøren skal på Kundens anmodning kunne dokumentere, hvilke medarbejdere der har "
                     "adgang, og at de er instrueret i reglerne for behandlingen.");

  kt_pdf_add_heading (comp, "Behandlingssikkerhed");
  kt_pdf_add_clause (comp, KT_CLAUSE_DATA_PROTECTION,
                     "Leverandøren gennemfører passende tekniske og organisatoriske foranstaltninger efter "
                     "databeskyttelsesforordningens artikel 32, herunder kryptering af data under "
                     "transport og opbevaring, to-faktor-godkendelse af administratorer og logning af "
                     "al adgang til personoplysninger. Loggen opbevares i seks måneder.");

  kt_pdf_add_clause (comp, -1,
                     "Foranstaltningerne omfatter som minimum:");
  kt_pdf_add (comp, KT_PDF_BLOCK_TABLE, NULL,
              "Område\tKrav\n"
              "Adgangsstyring\tPersonlige brugere, mindste nødvendige rettigheder, kvartalsvis gennemgang\n"
              "Kryptering\tTLS 1.2 eller nyere under transport; AES-256 for data og sikkerhedskopier\n"
              "Logning\tAl adgang til personoplysninger logges og opbevares i seks måneder\n"
              "Sikkerhedskopi\tDaglig kopi på en adskilt lokation og kvartalsvis prøvegendannelse\n"
              "Fysisk sikring\tAdgangskontrol og videoovervågning i driftscentrene\n"
              "Sårbarheder\tKritiske rettelser installeres senest syv dage efter frigivelse");
  kt_pdf_add_clause (comp, -1,
                     "Leverandøren vurderer løbende risikoen for de registreredes rettigheder og tilpasser "
                     "foranstaltningerne, når risikoen ændrer sig. Væsentlige ændringer meddeles Kunden "
                     "skriftligt, før de træder i kraft.");

  kt_pdf_add_heading (comp, "Underdatabehandlere");
  kt_pdf_add_clause (comp, -1,
                     "Leverandøren har Kundens generelle godkendelse til at anvende de underdatabehandlere, "
                     "der er oplistet i underbilag A. Ønsker Leverandøren at tilføje eller udskifte en "
                     "underdatabehandler, skal Kunden varsles skriftligt mindst tre måneder før, så "
                     "Kunden kan gøre indsigelse.");
  kt_pdf_add_clause (comp, -1,
                     "Leverandøren pålægger underdatabehandlere de samme forpligtelser som i "
                     "Databehandleraftalen og hæfter for deres overholdelse.");
  kt_pdf_add_clause (comp, -1, "Ved Databehandleraftalens indgåelse anvender Leverandøren følgende "
                     "underdatabehandlere:");
  kt_pdf_add (comp, KT_PDF_BLOCK_TABLE, NULL,
              "Underdatabehandler\tBehandling\tLokation\n"
              "Nordisk Datacenter A/S\tHousing af servere og lagersystemer\tDanmark\n"
              "Sikkerkopi A/S\tSikkerhedskopi på adskilt lokation\tDanmark\n"
              "Servicedesk Øst ApS\tSupport uden for normal arbejdstid\tDanmark");

  kt_pdf_add_heading (comp, "Overførsel til tredjelande");
  kt_pdf_add_clause (comp, -1,
                     "Personoplysninger må ikke overføres til eller behandles i lande uden for EU/EØS uden "
                     "Kundens forudgående skriftlige instruks og et gyldigt overførselsgrundlag.");

  kt_pdf_add_heading (comp, "Bistand til Kunden");
  kt_pdf_add_clause (comp, -1,
                     "Leverandøren bistår Kunden med at besvare anmodninger fra de registrerede, med "
                     "konsekvensanalyser og med forudgående høring af Datatilsynet. Bistanden afregnes "
                     "efter timepriserne i Hovedaftalen, medmindre behovet skyldes Leverandørens fejl.");
  kt_pdf_add_clause (comp, -1,
                     "Modtager Leverandøren en anmodning direkte fra en registreret, videresender "
                     "Leverandøren den til Kunden inden for to arbejdsdage og besvarer den ikke selv. "
                     "Oplysninger, som Kunden skal bruge til at svare, leveres inden for 10 arbejdsdage.");

  kt_pdf_add_heading (comp, "Brud på persondatasikkerheden");
  kt_pdf_add_clause (comp, -1,
                     "Leverandøren underretter Kunden uden unødig forsinkelse og senest 24 timer efter at "
                     "være blevet opmærksom på et brud på persondatasikkerheden, så Kunden kan anmelde "
                     "bruddet til Datatilsynet inden for 72 timer.");
  kt_pdf_add_clause (comp, -1, "Underretningen skal så vidt muligt indeholde:");
  kt_pdf_add (comp, KT_PDF_BLOCK_TABLE, NULL,
              "Emne\tIndhold\n"
              "Bruddet\tHvad der er sket, hvornår og hvordan det blev opdaget\n"
              "Omfang\tKategorier og omtrentligt antal registrerede og oplysninger\n"
              "Følger\tDe sandsynlige konsekvenser for de registrerede\n"
              "Tiltag\tHvad Leverandøren har gjort og vil gøre for at begrænse skaden\n"
              "Kontakt\tLeverandørens kontaktperson for bruddet");

  kt_pdf_add_heading (comp, "Sletning og tilbagelevering");
  kt_pdf_add_clause (comp, KT_CLAUSE_EXIT,
                     "Når behandlingen ophører, tilbageleverer Leverandøren alle personoplysninger til "
                     "Kunden i et åbent format og sletter derefter alle kopier, også hos "
                     "underdatabehandlere. Sletningen dokumenteres med et slettecertifikat.");

  kt_pdf_add_heading (comp, "Revision og tilsyn");
  kt_pdf_add_clause (comp, -1,
                     "Leverandøren sender hvert år inden 1. maj en revisionserklæring (ISAE 3000) om "
                     "overholdelsen af Databehandleraftalen. Kunden kan derudover føre tilsyn hos "
                     "Leverandøren med 30 dages varsel.");
  kt_pdf_add_clause (comp, -1,
                     "Viser en erklæring eller et tilsyn væsentlige mangler, udarbejder Leverandøren en "
                     "handlingsplan inden 30 dage og afholder selv omkostningerne ved at udbedre dem.");

  kt_pdf_add_heading (comp, "Opsigelse og ophør");
  kt_pdf_add_clause (comp, KT_CLAUSE_TERMINATION,
                     "Databehandleraftalen træder i kraft den %s samtidig med Hovedaftalen. "
                     "Databehandleraftalen kan ikke opsiges særskilt, men ophører, når Hovedaftalen "
                     "ophører, og Leverandøren ikke længere behandler personoplysninger på Kundens vegne.",
                     start);

  kt_pdf_add_heading (comp, "Tvister");
  kt_pdf_add_clause (comp, -1,
                     "Databehandleraftalen er underlagt dansk ret, og tvister afgøres efter Hovedaftalens "
                     "bestemmelser om tvister.");

  kt_pdf_compose_signatures (comp, spec);
}

void
kt_pdf_compose_sla_appendix (KtPdfComposition        *comp,
                             const KtContractPdfSpec *spec)
{
  const KtContract *c = spec->contract;

  comp->title = g_strdup_printf ("Bilag 1 – Servicemål, kontrakt %s – %s", c->number, c->name);
  comp->keywords = g_strdup ("bilag, servicemål, SLA, oppetid, svartider, bod");
  kt_pdf_compose_front (comp, spec, "BILAG 1 – SERVICEMÅL", "til kontrakt om");

  kt_pdf_add_heading (comp, "Formål og omfang");
  kt_pdf_add_clause (comp, -1,
                     "Bilaget beskriver de servicemål, som Leverandøren skal overholde efter Aftalens "
                     "punkt 8, hvordan de måles, og hvilken bod der betales, når de ikke overholdes.");
  kt_pdf_add_clause (comp, -1,
                     "Servicemålene gælder for alle ydelser under Aftalen, herunder ydelser, der er "
                     "tilkøbt efter Aftalens indgåelse.");

  kt_pdf_add_heading (comp, "Driftstid og servicevinduer");
  kt_pdf_add (comp, KT_PDF_BLOCK_TABLE, NULL,
              "Tidsrum\tKrav\n"
              "Driftstid\tAlle dage kl. 00.00–24.00\n"
              "Supporttid\tHverdage kl. 07.30–17.00; prioritet 1 døgnet rundt\n"
              "Servicevindue\tTirsdag kl. 22.00–02.00, varslet mindst fem arbejdsdage før\n"
              "Nødopdateringer\tEfter aftale med Kundens systemejer");

  kt_pdf_add_heading (comp, "Oppetid");
  kt_pdf_add_clause (comp, KT_CLAUSE_SLA,
                     "Oppetiden skal være mindst 99,5 %% pr. kalendermåned. Den beregnes som "
                     "(driftstid − nedetid) / driftstid × 100, hvor nedetid er den tid, hvor løsningen "
                     "eller en forretningskritisk funktion ikke er tilgængelig, uden for servicevinduet.");
  kt_pdf_add_clause (comp, -1,
                     "Oppetiden måles minut for minut af Leverandørens overvågning fra to uafhængige "
                     "målepunkter. Kunden har adgang til måleresultaterne i Leverandørens kundeportal.");

  kt_pdf_add_heading (comp, "Svar- og løsningstider");
  kt_pdf_add (comp, KT_PDF_BLOCK_TABLE, NULL,
              "Prioritet\tEksempel\tSvartid\tLøsningstid\n"
              "1 – Kritisk\tIngen brugere kan logge på, eller data kan ikke gemmes\t30 minutter\t4 timer\n"
              "2 – Alvorlig\tEn væsentlig funktion eller integration virker ikke\t2 timer\t1 arbejdsdag\n"
              "3 – Mindre\tFejl i en rapport eller et skærmbillede, der kan omgås\t1 arbejdsdag\t10 arbejdsdage\n"
              "4 – Spørgsmål\tSpørgsmål om brug og konfiguration\t2 arbejdsdage\tEfter aftale");
  kt_pdf_add_clause (comp, -1,
                     "Kunden fastsætter prioriteten ved henvendelsen. Leverandøren kan foreslå en anden "
                     "prioritet, men ændringen kræver Kundens accept.");

  kt_pdf_add_heading (comp, "Rapportering");
  kt_pdf_add_clause (comp, -1,
                     "Leverandøren sender senest den 10. i hver måned en rapport med oppetid, nedetid "
                     "fordelt på årsager, antal henvendelser pr. prioritet, overholdelse af svar- og "
                     "løsningstider samt opgørelse af bod. Rapporten gennemgås på de kvartalsvise "
                     "statusmøder.");

  kt_pdf_add_heading (comp, "Bod ved brud på servicemål");
  kt_pdf_add_clause (comp, KT_CLAUSE_PENALTY,
                     "Ligger oppetiden under 99,5 %%, betaler Leverandøren bod af det månedlige vederlag "
                     "efter følgende trappe:");
  kt_pdf_add (comp, KT_PDF_BLOCK_TABLE, NULL,
              "Oppetid i måneden\tBod i procent af månedens vederlag\n"
              "99,5 % eller derover\tIngen bod\n"
              "99,0 % – 99,49 %\t10 %\n"
              "98,0 % – 98,99 %\t25 %\n"
              "Under 98,0 %\t40 % og ret til ophævelse ved gentagelse");
  kt_pdf_add_clause (comp, -1,
                     "Bod for overskredne løsningstider beregnes efter Aftalens punkt 9, og den samlede "
                     "bod er begrænset som fastsat dér.");

  kt_pdf_add_heading (comp, "Revision af servicemål");
  kt_pdf_add_clause (comp, -1,
                     "Parterne gennemgår servicemålene hvert år omkring årsdagen for Aftalens "
                     "ikrafttræden og kan skriftligt aftale skærpede mål uden ændring af vederlaget.");
  kt_pdf_add_space (comp, 18);
  kt_pdf_add (comp, KT_PDF_BLOCK_TEXT, NULL,
              "Bilaget er en del af Aftalen og er underskrevet sammen med denne.");
}
