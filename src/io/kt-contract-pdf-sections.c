/* kt-contract-pdf-sections.c — sections 1–7 of an example contract
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parties, subject, term, notice, options, prices and payment, in the words
 * of the state's standard contracts, filled in from the contract's own data:
 * its real dates, notice rule, options, price index and regulation day.
 * Danish content, deliberately not translatable.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include <string.h>

#include "kt-contract-pdf-private.h"

/* "drift, support og …" from the register's "Drift, support og …": the
 * text continues a sentence. Acronyms ("KY – …") keep their capitals. */
static char *
continue_sentence (const char *text)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  gsize len = strlen (copy);

  while (len > 0 && (copy[len - 1] == '.' || g_ascii_isspace (copy[len - 1])))
    copy[--len] = '\0';
  if (len > 1 && g_ascii_isupper (copy[0]) && !g_ascii_isupper (copy[1]))
    copy[0] = g_ascii_tolower (copy[0]);
  return g_steal_pointer (&copy);
}

static const char *
count_word (guint n)
{
  static const char *const words[] = { "nul", "én", "to", "tre", "fire", "fem", "seks" };

  return n < G_N_ELEMENTS (words) ? words[n] : "flere";
}

static const char *
payment_rhythm (KtPaymentFrequency frequency)
{
  switch (frequency)
    {
    case KT_PAYMENT_FREQUENCY_ONCE: return "samlet, når ydelsen er leveret og godkendt";
    case KT_PAYMENT_FREQUENCY_MONTHLY: return "månedsvis forud";
    case KT_PAYMENT_FREQUENCY_QUARTERLY: return "kvartalsvis forud";
    case KT_PAYMENT_FREQUENCY_HALF_YEARLY: return "halvårligt forud";
    case KT_PAYMENT_FREQUENCY_YEARLY: return "årligt forud";
    default: return "kvartalsvis forud";
    }
}
/* ---- The contract ---- */

static void
section_parties (KtPdfComposition        *comp,
                 const KtContractPdfSpec *spec)
{
  const KtContract *c = spec->contract;
  const KtSupplier *s = spec->supplier;
  const KtContact *contact = s->contacts != NULL && s->contacts->len > 0
                             ? g_ptr_array_index (s->contacts, 0) : NULL;
  const char *cvr = s->cvr != NULL ? s->cvr : "";

  kt_pdf_add_heading (comp, "Parter");
  kt_pdf_add_clause (comp, -1,
                     "Denne kontrakt (»Aftalen«) er indgået mellem %s, CVR-nr. %s, %s, %s (»Kunden«), "
                     "og %s, CVR-nr. %s, %s, %s %s (»Leverandøren«). Kunden og Leverandøren "
                     "benævnes hver for sig »Part« og i fællesskab »Parterne«.",
                     KT_PDF_CUSTOMER, KT_PDF_CUSTOMER_CVR, KT_PDF_CUSTOMER_ADDRESS, KT_PDF_CUSTOMER_TOWN,
                     s->name, cvr, s->address ? s->address : "", s->postal_code ? s->postal_code : "",
                     s->city ? s->city : "");
  if (c->administrator_id == c->system_owner_id && c->system_owner_name != NULL)
    kt_pdf_add_clause (comp, -1,
                       "Kundens kontraktansvarlige og systemejer er %s, %s. Leverandørens kundeansvarlige "
                       "er %s. Parterne meddeler hinanden skriftligt, hvis en kontaktperson udskiftes.",
                       c->system_owner_name, c->org_unit_name ? c->org_unit_name : KT_PDF_CUSTOMER,
                       contact != NULL ? contact->name : "udpeget ved Aftalens indgåelse");
  else
    kt_pdf_add_clause (comp, -1,
                       "Kundens kontraktansvarlige er %s, og systemejer er %s, %s. Leverandørens "
                       "kundeansvarlige er %s. Parterne meddeler hinanden skriftligt, hvis en "
                       "kontaktperson udskiftes.",
                       c->administrator_name ? c->administrator_name : "udpeget af Kunden",
                       c->system_owner_name ? c->system_owner_name : "udpeget af Kunden",
                       c->org_unit_name ? c->org_unit_name : KT_PDF_CUSTOMER,
                       contact != NULL ? contact->name : "udpeget ved Aftalens indgåelse");
  if (c->procurement_form == KT_PROCUREMENT_KOMBIT)
    kt_pdf_add_clause (comp, -1,
                       "Aftalen bygger på den kontrakt, som KOMBIT A/S har indgået med Leverandøren på "
                       "vegne af kommunerne. KOMBIT varetager den fælleskommunale kontraktstyring, mens "
                       "Kunden hæfter for egne betalinger og egen anvendelse af løsningen. Kundens andel "
                       "af vederlaget fastsættes efter bloktilskudsnøglen.");
  if (spec->detail >= 2)
    {
      kt_pdf_add_clause (comp, -1, "Parternes samarbejde er organiseret i følgende fora:");
      kt_pdf_add (comp, KT_PDF_BLOCK_TABLE, NULL,
                  "Forum\tDeltagere\tHyppighed\n"
                  "Driftsmøde\tKundens systemejer og Leverandørens servicemanager\tMånedligt\n"
                  "Statusmøde\tKundens kontraktansvarlige og systemejer samt Leverandørens "
                  "kundeansvarlige\tKvartalsvis\n"
                  "Styregruppe\tKundens digitaliseringschef og Leverandørens direktør\tHalvårligt");
      kt_pdf_add_clause (comp, -1,
                         "Leverandøren skriver referat af statusmøderne og sender det til Kunden senest fem "
                         "arbejdsdage efter mødet, så begge Parter har samme historik. Punkter, der ikke "
                         "kan løses på et statusmøde, eskaleres til styregruppen.");
    }
  if (c->procurement_form != KT_PROCUREMENT_KOMBIT && spec->detail >= 1)
    kt_pdf_add_clause (comp, -1,
                       "Leverandøren må ikke overdrage rettigheder eller forpligtelser efter Aftalen til "
                       "tredjemand uden Kundens skriftlige samtykke. Kunden kan overdrage Aftalen til en "
                       "anden offentlig myndighed eller et kommunalt fællesskab.");
}

static void
section_subject (KtPdfComposition        *comp,
                 const KtContractPdfSpec *spec)
{
  const KtContract *c = spec->contract;
  g_autofree char *services = continue_sentence (c->purchased_services);
  GString *annexes = g_string_new ("Bilag\tIndhold\n1\tServicemål\n2\tKravspecifikation\n"
                                   "3\tLeverandørens løsningsbeskrivelse\n4\tPriser");

  if (c->personal_data)
    g_string_append (annexes, "\n5\tDatabehandleraftale");
  g_string_append (annexes, "\n6\tExitplan");

  kt_pdf_add_heading (comp, "Aftalens genstand");
  kt_pdf_add_clause (comp, -1,
                     "Aftalen omfatter følgende ydelser: %s. Ydelserne er nærmere beskrevet i bilag 2 "
                     "(Kravspecifikation) og bilag 3 (Leverandørens løsningsbeskrivelse).", services);
  kt_pdf_add_clause (comp, -1,
                     "Ved uoverensstemmelse mellem Aftalen og bilagene går Aftalen forud. Bilagene har "
                     "forrang i nummerorden, dog således at Leverandørens løsningsbeskrivelse altid har "
                     "lavest prioritet.");
  kt_pdf_add_clause (comp, -1,
                     "Leverandøren skal levere ydelserne i overensstemmelse med god it-skik, gældende "
                     "lovgivning og de standarder, der er nævnt i kravspecifikationen, herunder krav til "
                     "tilgængelighed og informationssikkerhed.");
  if (spec->detail >= 3)
    {
      kt_pdf_add_clause (comp, -1,
                         "Løsningen skal understøtte den fælleskommunale rammearkitektur og anvende de "
                         "fælles løsninger for identitet, Digital Post og fordelingskomponent, hvor "
                         "kravspecifikationen foreskriver det. Alle snitflader dokumenteres i en "
                         "snitfladeoversigt, som Leverandøren holder ajour i hele Aftalens løbetid.");
      kt_pdf_add_clause (comp, -1,
                         "Brugergrænseflader, der anvendes af borgere, skal overholde "
                         "webtilgængelighedsloven og standarden WCAG 2.1 på niveau AA. Leverandøren "
                         "udarbejder og vedligeholder tilgængelighedserklæringen.");
    }
  kt_pdf_add_clause (comp, -1, "Aftalen består af dette dokument og følgende bilag:");
  kt_pdf_add (comp, KT_PDF_BLOCK_TABLE, NULL, annexes->str);
  if (spec->detail >= 2)
    {
      kt_pdf_add_clause (comp, -1,
                         "Ændringer af ydelserne aftales skriftligt efter proceduren for "
                         "ændringsanmodninger i bilag 2. En ændringsanmodning skal angive konsekvenser "
                         "for pris, tidsplan og servicemål og har et eget nummer, som Leverandøren "
                         "angiver på fakturaen.");
      kt_pdf_add_clause (comp, -1, "I Aftalen har følgende begreber denne betydning:");
      kt_pdf_add (comp, KT_PDF_BLOCK_TABLE, NULL,
                  "Begreb\tBetydning\n"
                  "Arbejdsdag\tMandag til fredag bortset fra helligdage, grundlovsdag, 24. december og 31. december\n"
                  "Driftstid\tDen tid, hvor løsningen skal være tilgængelig for Kundens brugere\n"
                  "Fejl\tEnhver afvigelse fra det aftalte, uanset om den skyldes programmel, udstyr eller drift\n"
                  "Oppetid\tDriftstiden fratrukket den tid, hvor løsningen ikke er tilgængelig\n"
                  "Servicevindue\tAftalt tidsrum til planlagt vedligehold, som ikke tæller med i oppetiden\n"
                  "Svartid\tTiden fra Kundens henvendelse, til Leverandøren er gået i gang med den\n"
                  "Løsningstid\tTiden fra Kundens henvendelse, til fejlen er afhjulpet\n"
                  "Ophørsbistand\tLeverandørens bistand ved overdragelse af ydelserne ved Aftalens ophør");
    }
  g_string_free (annexes, TRUE);
}

static void
section_term (KtPdfComposition        *comp,
              const KtContractPdfSpec *spec)
{
  const KtContract *c = spec->contract;
  g_autofree char *start = kt_pdf_date (&c->start_date);
  g_autofree char *end = kt_pdf_date (&c->end_date);
  g_autofree char *irrevocable = kt_pdf_date (&c->irrevocable_until);

  kt_pdf_add_heading (comp, "Ikrafttræden og varighed");
  if (c->running || !g_date_valid (&c->end_date))
    kt_pdf_add_clause (comp, -1,
                       "Aftalen træder i kraft den %s og løber, indtil den opsiges efter punkt 4 eller "
                       "ophæves efter punkt 13.", start);
  else
    kt_pdf_add_clause (comp, -1,
                       "Aftalen træder i kraft den %s og udløber uden varsel den %s, medmindre den "
                       "forinden er forlænget efter punkt 5 eller bragt til ophør efter punkt 4 eller 13.",
                       start, end);
  if (g_date_valid (&c->irrevocable_until))
    kt_pdf_add_clause (comp, -1, "Aftalen er uopsigelig for Kunden til og med den %s.", irrevocable);
  else
    kt_pdf_add_clause (comp, -1, "Aftalen indeholder ingen periode, hvor den er uopsigelig for Kunden.");
  if (spec->detail >= 1)
    kt_pdf_add_clause (comp, -1,
                       "Leverandøren skal have ydelserne klar til drift fra ikrafttrædelsesdatoen. "
                       "Forsinkelse, der skyldes Leverandøren, giver Kunden ret til bod efter punkt 9.");
}

static void
section_termination (KtPdfComposition        *comp,
                     const KtContractPdfSpec *spec)
{
  const KtContract *c = spec->contract;
  g_autofree char *notice = kt_pdf_notice (c->notice_months, c->notice_rule);

  kt_pdf_add_heading (comp, "Opsigelse");
  if (g_date_valid (&c->irrevocable_until))
    {
      g_autofree char *until = kt_pdf_date (&c->irrevocable_until);

      kt_pdf_add_clause (comp, KT_CLAUSE_TERMINATION,
                         "Kunden kan opsige Aftalen helt eller delvist med %s, dog tidligst til ophør "
                         "ved udløbet af uopsigelighedsperioden den %s.", notice, until);
    }
  else
    kt_pdf_add_clause (comp, KT_CLAUSE_TERMINATION,
                       "Kunden kan opsige Aftalen helt eller delvist med %s.", notice);
  if (c->running || !g_date_valid (&c->end_date))
    kt_pdf_add_clause (comp, -1,
                       "Leverandøren kan opsige Aftalen med 24 måneders varsel til udgangen af et "
                       "kalenderår.");
  else
    kt_pdf_add_clause (comp, -1,
                       "Leverandøren kan ikke opsige Aftalen i dens løbetid, men kan alene ophæve den "
                       "efter punkt 13.");
  kt_pdf_add_clause (comp, -1,
                     "Opsigelse skal ske skriftligt til den anden Parts kontaktperson efter punkt 1. Ved "
                     "delvis opsigelse nedsættes vederlaget forholdsmæssigt efter prisbilaget.");
  if (spec->detail >= 1)
    kt_pdf_add_clause (comp, -1,
                       "Ophører Aftalen, ophører tillægsaftaler og databehandleraftalen samtidig, "
                       "medmindre Parterne skriftligt aftaler andet.");
}

static void
section_options (KtPdfComposition        *comp,
                 const KtContractPdfSpec *spec)
{
  const KtContract *c = spec->contract;

  kt_pdf_add_heading (comp, "Optioner");
  if (c->option_count > 0)
    {
      g_autofree char *last = NULL;
      GDate longest = c->end_date;

      if (g_date_valid (&longest))
        {
          g_date_add_months (&longest, c->option_count * c->option_months);
          last = kt_pdf_date (&longest);
          kt_pdf_add_clause (comp, KT_CLAUSE_OPTION,
                             "Kunden har option på at forlænge Aftalen %s %s med %u måneder ad gangen "
                             "på Aftalens vilkår. Aftalens længste mulige løbetid er således til og med "
                             "den %s.", count_word (c->option_count),
                             c->option_count == 1 ? "gang" : "gange", c->option_months, last);
        }
      else
        kt_pdf_add_clause (comp, KT_CLAUSE_OPTION,
                           "Kunden har option på at forlænge Aftalen %s %s med %u måneder ad gangen "
                           "på Aftalens vilkår.", count_word (c->option_count),
                           c->option_count == 1 ? "gang" : "gange", c->option_months);
      kt_pdf_add_clause (comp, -1,
                         "Kunden meddeler Leverandøren skriftligt, at en option udnyttes, senest "
                         "%u måneder før det tidspunkt, hvor Aftalen ellers ville udløbe.",
                         MAX (c->notice_months, 6u));
    }
  else if (c->running || !g_date_valid (&c->end_date))
    kt_pdf_add_clause (comp, KT_CLAUSE_OPTION,
                       "Aftalen er tidsubegrænset og indeholder derfor ingen option på forlængelse.");
  else
    kt_pdf_add_clause (comp, KT_CLAUSE_OPTION,
                       "Aftalen indeholder ingen option på forlængelse. Ønsker Kunden at fortsætte "
                       "efter udløbet, skal ydelserne udbydes på ny.");
  kt_pdf_add_clause (comp, -1,
                     "Kunden har endvidere option på at tilkøbe yderligere moduler, brugere og timer til "
                     "konsulentbistand til de priser, der fremgår af bilag 4, i hele Aftalens løbetid.");
}

/* The regulation day of the contract ("1. januar") and the first one at
 * least a year after the start. */
static void
first_regulation (const KtContract *c,
                  GDate            *first)
{
  GDate from = c->start_date;

  g_date_clear (first, 1);
  if (!g_date_valid (&c->price_regulation_date) || !g_date_valid (&from))
    return;
  g_date_add_months (&from, 12);
  g_date_set_dmy (first, g_date_get_day (&c->price_regulation_date),
                  g_date_get_month (&c->price_regulation_date), g_date_get_year (&from));
  if (g_date_compare (first, &from) < 0)
    g_date_add_years (first, 1);
}

static void
price_regulation_clause (KtPdfComposition *comp,
                         const KtContract *c)
{
  static const char *const index_names[] = {
    [KT_PRICE_INDEX_NET_PRICE] = "Danmarks Statistiks nettoprisindeks",
    [KT_PRICE_INDEX_CONSUMER_PRICE] = "Danmarks Statistiks forbrugerprisindeks",
    [KT_PRICE_INDEX_WAGE_PRIVATE] = "Danmarks Statistiks lønindeks for den private sektor",
  };
  const char *notify = "Leverandøren skal varsle reguleringen skriftligt med en opgørelse senest tre "
                       "måneder før reguleringsdatoen; en regulering, der ikke er varslet rettidigt, "
                       "bortfalder for det pågældende år.";
  g_autofree char *day = NULL;
  g_autofree char *first_text = NULL;
  GDate first;

  first_regulation (c, &first);
  if (c->price_index == KT_PRICE_INDEX_NONE || !g_date_valid (&first))
    {
      kt_pdf_add_clause (comp, KT_CLAUSE_PRICE,
                         "Priserne er faste i hele Aftalens løbetid og er ikke omfattet af prisregulering.");
      return;
    }

  day = g_strdup_printf ("%u. %s", g_date_get_day (&first), kt_pdf_month_name (g_date_get_month (&first)));
  first_text = kt_pdf_date (&first);
  switch (c->price_index)
    {
    case KT_PRICE_INDEX_NET_PRICE:
    case KT_PRICE_INDEX_CONSUMER_PRICE:
    case KT_PRICE_INDEX_WAGE_PRIVATE:
      {
        int month = ((int) g_date_get_month (&first) + 8) % 12 + 1;  /* three months before */

        kt_pdf_add_clause (comp, KT_CLAUSE_PRICE,
                           "Priserne reguleres én gang årligt pr. %s med udviklingen i %s, første gang "
                           "pr. %s. Reguleringen beregnes som den procentvise ændring i indekset for %s "
                           "måned i de to seneste år før reguleringsdatoen og kan højst udgøre 4 %% om "
                           "året. %s", day, index_names[c->price_index], first_text,
                           kt_pdf_month_name ((GDateMonth) month), notify);
      }
      break;

    case KT_PRICE_INDEX_FIXED_PERCENT:
      kt_pdf_add_clause (comp, KT_CLAUSE_PRICE,
                         "Priserne reguleres én gang årligt pr. %s med 2,5 %%, første gang pr. %s. %s",
                         day, first_text, notify);
      break;

    case KT_PRICE_INDEX_OTHER:
    default:
      kt_pdf_add_clause (comp, KT_CLAUSE_PRICE,
                         "Priserne følger producentens officielle prisliste og reguleres én gang årligt "
                         "pr. %s, første gang pr. %s. %s Stiger priserne med mere end 5 %%, kan Kunden "
                         "opsige de berørte ydelser til ophør på reguleringsdatoen.",
                         day, first_text, notify);
      break;
    }
}

static void
section_prices (KtPdfComposition        *comp,
                const KtContractPdfSpec *spec)
{
  const KtContract *c = spec->contract;

  kt_pdf_add_heading (comp, "Priser og prisregulering");
  kt_pdf_add_clause (comp, -1,
                     "Leverandørens vederlag fremgår af bilag 4 (Priser). Alle priser er angivet i danske "
                     "kroner ekskl. moms og omfatter alle omkostninger ved ydelserne, herunder rejsetid og "
                     "licenser til tredjepartsprogrammel.");
  /* The regulation is always clause 6.4: the example's price regulation
   * activities refer to "pkt. 6.4". */
  if (c->annual_cost != KT_MONEY_NONE && c->annual_cost > 0)
    {
      g_autofree char *annual = kt_pdf_money (c->annual_cost);
      g_autofree char *sum = c->contract_sum != KT_MONEY_NONE ? kt_pdf_money (c->contract_sum) : NULL;

      if (sum != NULL)
        kt_pdf_add_clause (comp, -1,
                           "Det årlige vederlag for drift, support og vedligehold udgør ved Aftalens "
                           "indgåelse %s ekskl. moms, og Aftalens samlede værdi%s anslås til %s ekskl. moms.",
                           annual, c->option_count > 0 ? " inklusive optioner" : "", sum);
      else
        kt_pdf_add_clause (comp, -1,
                           "Det årlige vederlag for drift, support og vedligehold udgør ved Aftalens "
                           "indgåelse %s ekskl. moms.", annual);
    }
  else
    kt_pdf_add_clause (comp, -1,
                       "Vederlaget betales efter de enhedspriser og timepriser, der fremgår af bilag 4.");
  kt_pdf_add_clause (comp, -1,
                     "Tilkøb efter punkt 5 og ændringer efter bilag 2 afregnes til prisbilagets "
                     "enhedspriser og timepriser. Leverandøren kan ikke kræve betaling for ydelser, der "
                     "ikke er aftalt skriftligt.");
  price_regulation_clause (comp, c);
  if (spec->detail >= 3 && c->annual_cost != KT_MONEY_NONE && c->annual_cost > 0)
    {
      g_autofree char *licence = kt_pdf_money (c->annual_cost / 100 * 40);
      g_autofree char *operation = kt_pdf_money (c->annual_cost / 100 * 35);
      g_autofree char *support = kt_pdf_money (c->annual_cost / 100 * 25);
      g_autofree char *table = g_strdup_printf ("Nr.\tYdelse\tBetaling\tPris pr. år\n"
                                                "4.1\tLicenser og lovvedligehold\tLøbende\t%s\n"
                                                "4.2\tDrift og hosting\tLøbende\t%s\n"
                                                "4.3\tSupport og servicedesk\tLøbende\t%s\n"
                                                "4.4\tKonsulentbistand efter medgået tid\tPr. time\t1.150 kr.",
                                                licence, operation, support);

      kt_pdf_add_clause (comp, -1, "Vederlaget fordeler sig på prisbilagets hovedposter således:");
      kt_pdf_add (comp, KT_PDF_BLOCK_TABLE, NULL, table);
    }
  if (spec->detail >= 1 && c->price_index != KT_PRICE_INDEX_NONE)
    kt_pdf_add_clause (comp, -1,
                       "Leverandøren kan ikke regulere priserne på anden måde eller oftere end fastsat i "
                       "dette punkt. Falder indekset, skal priserne nedsættes tilsvarende.");
  if (spec->detail >= 2)
    kt_pdf_add_clause (comp, -1,
                       "Tilbyder Leverandøren i Aftalens løbetid en anden kommune væsentlig bedre priser "
                       "for tilsvarende ydelser, skal Leverandøren tilbyde Kunden de samme priser.");
}

static void
section_payment (KtPdfComposition        *comp,
                 const KtContractPdfSpec *spec)
{
  const KtContract *c = spec->contract;

  kt_pdf_add_heading (comp, "Betaling");
  kt_pdf_add_clause (comp, KT_CLAUSE_PAYMENT,
                     "Vederlaget for løbende ydelser faktureres %s. Engangsydelser faktureres, når de er "
                     "godkendt af Kunden. Betalingsfristen er 30 dage fra modtagelsen af en korrekt faktura.",
                     payment_rhythm (c->payment_frequency));
  kt_pdf_add_clause (comp, -1,
                     "Fakturaer sendes elektronisk i OIOUBL-format til Kundens EAN-nummer. Hver faktura "
                     "skal angive kontraktnummer %s og Kundens kontraktansvarlige, og hver fakturalinje "
                     "skal begynde med prisbilagets varenummer og angive antal, enhedspris, og om "
                     "ydelsen er en engangsydelse eller løbende.", c->number);
  kt_pdf_add_clause (comp, -1,
                     "En faktura, som ikke kan afstemmes med Aftalen, betales ikke, før den er godkendt "
                     "af Kundens it-controller. Kunden kan modregne bod og andre krav efter Aftalen i "
                     "Leverandørens betalinger.");
  if (spec->detail >= 2)
    kt_pdf_add_clause (comp, -1,
                       "Betaler Kunden for sent, kan Leverandøren kræve morarenter efter renteloven. "
                       "Forsinket betaling giver ikke Leverandøren ret til at standse leverancen, før "
                       "Leverandøren har givet skriftligt påkrav med 30 dages frist.");
}

void
kt_pdf_compose_contract (KtPdfComposition        *comp,
                         const KtContractPdfSpec *spec)
{
  comp->title = g_strdup_printf ("Kontrakt %s – %s", spec->contract->number, spec->contract->name);
  comp->keywords = g_strdup ("kontrakt, opsigelse, optioner, prisregulering, servicemål, bod, exit");
  kt_pdf_compose_front (comp, spec, "KONTRAKT", "om");
  kt_pdf_add (comp, KT_PDF_BLOCK_CONTENTS, NULL, "Indhold");
  kt_pdf_add_space (comp, 10);

  section_parties (comp, spec);
  section_subject (comp, spec);
  section_term (comp, spec);
  section_termination (comp, spec);
  section_options (comp, spec);
  section_prices (comp, spec);
  section_payment (comp, spec);
  kt_pdf_compose_terms (comp, spec);
  kt_pdf_compose_signatures (comp, spec);
}
