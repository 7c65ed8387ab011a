/* kt-example-activities.c — the activities of the example portfolio
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The curated portfolio gets the activities a contract manager in Eksempel
 * Kommune would keep: quarterly status meetings on the important contracts,
 * steering groups, audit statements of the data processors, SLA reports,
 * price-regulation checks, milestones and payments of development work.
 * Past occurrences are mostly done; a few are left behind, so the overview
 * always has something overdue. Dates are relative to the reference date.
 *
 * The generated portfolio (benchmarks) gets any number of activities drawn
 * from the same vocabulary.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-deadline.h"
#include "kt-deadlines.h"
#include "kt-example-data.h"

typedef enum {
  PLAN_OPEN,        /* nothing done yet */
  PLAN_DONE,        /* one-off done; recurring: every past occurrence done */
  PLAN_BEHIND,      /* recurring: the last past occurrence still open (overdue) */
  PLAN_CANCELLED,
} Plan;

typedef struct {
  KtStore     *store;
  GRand       *rand;
  const GDate *ref;
  GHashTable  *names;    /* person id (gint64 *) → name */
  guint        count;
  guint        n_exit;   /* exit-plan updates made so far */
} Maker;

static const char *
person_name (Maker  *m,
             gint64  id)
{
  const char *name = g_hash_table_lookup (m->names, &id);

  return name != NULL ? name : "Mette Kjær";
}

static void
days_from (const GDate *date,
           int          days,
           GDate       *out)
{
  *out = *date;
  if (days >= 0)
    g_date_add_days (out, days);
  else
    g_date_subtract_days (out, -days);
}

/* The last occurrence before the reference date, if any. */
static gboolean
last_past (const KtActivity *a,
           const GDate      *ref,
           int               back,
           GDate            *out)
{
  g_autoptr(GArray) dates = NULL;
  GDate yesterday;

  days_from (ref, -1, &yesterday);
  dates = kt_activity_occurrences (a, NULL, &yesterday);
  if ((int) dates->len <= back)
    return FALSE;

  *out = g_array_index (dates, GDate, dates->len - 1 - back);
  return TRUE;
}

static gboolean
add (Maker             *m,
     const KtContract  *c,
     KtActivityType     type,
     const GDate       *deadline,
     KtRecurrence       recurrence,
     gint64             responsible,
     const char        *description,
     const char        *clause,
     Plan               plan,
     GError           **error)
{
  g_autoptr(KtActivity) a = kt_activity_new ();
  GDate through;

  if (!g_date_valid (deadline))
    return TRUE;

  a->contract_id = c->id;
  a->type = type;
  a->deadline = *deadline;
  a->description = g_strdup (description);
  a->clause_ref = g_strdup (clause);
  a->responsible_id = responsible;
  a->recurrence = recurrence;

  /* A series ends with its contract; one that would start after the end
   * is a single follow-up instead. */
  if (recurrence != KT_RECURRENCE_NONE && !c->running && g_date_valid (&c->end_date))
    {
      if (g_date_compare (deadline, &c->end_date) > 0)
        a->recurrence = recurrence = KT_RECURRENCE_NONE;
      else
        a->recurrence_until = c->end_date;
    }

  switch (plan)
    {
    case PLAN_OPEN:
      break;

    case PLAN_DONE:
    case PLAN_BEHIND:
      if (recurrence == KT_RECURRENCE_NONE)
        {
          GDate done_on;

          days_from (deadline, (int) g_rand_int_range (m->rand, -3, 2), &done_on);
          kt_activity_apply_done (a, NULL, &done_on, person_name (m, responsible));
        }
      else if (last_past (a, m->ref, plan == PLAN_BEHIND ? 1 : 0, &through))
        {
          GDate done_on;

          days_from (&through, (int) g_rand_int_range (m->rand, 0, 6), &done_on);
          if (g_date_compare (&done_on, m->ref) > 0)
            done_on = *m->ref;
          kt_activity_apply_done (a, &through, &done_on, person_name (m, responsible));
        }
      break;

    case PLAN_CANCELLED:
      a->status = KT_ACTIVITY_STATUS_CANCELLED;
      break;

    default:
      g_assert_not_reached ();
    }

  if (!kt_store_insert_activity (m->store, a, error))
    {
      g_prefix_error (error, "%s, %s: ", c->number, description);
      return FALSE;
    }

  m->count++;
  return TRUE;
}

static void
month_day (const GDate *ref,
           int          months,
           int          day,
           GDate       *out)
{
  kt_example_month_first (ref, months, out);
  g_date_set_day (out, MIN (day, g_date_get_days_in_month (g_date_get_month (out),
                                                          g_date_get_year (out))));
}

/* The last day of the quarter that @date is in. */
static void
quarter_end (const GDate *date,
             GDate       *out)
{
  *out = *date;
  kt_date_to_period_end (out, KT_NOTICE_RULE_QUARTER_END);
}

static guint
options_left (const KtContract *c)
{
  return c->option_count > c->options_used ? c->option_count - c->options_used : 0;
}

static gboolean
curated_for (Maker             *m,
             const KtContract  *c,
             guint             *n_important,
             gboolean          *penalty_done,
             GError           **error)
{
  gboolean main_contract = c->type == KT_CONTRACT_TYPE_MAIN;
  gboolean fixed = !c->running && g_date_valid (&c->end_date);
  GDate date;

  if (c->status == KT_STATUS_EXPIRED)
    return TRUE;

  if (main_contract && c->criticality >= KT_CRITICALITY_HIGH)
    {
      /* Every fifth is a meeting behind: its minutes are not in yet. */
      quarter_end (&c->start_date, &date);
      if (!add (m, c, KT_ACTIVITY_STATUS_MEETING, &date, KT_RECURRENCE_QUARTERLY,
                c->administrator_id,
                "Kontraktligt statusmøde: drift, hændelser, ændringsønsker og fakturaer",
                "pkt. 1.3", (*n_important)++ % 5 == 2 ? PLAN_BEHIND : PLAN_DONE, error))
        return FALSE;
    }

  if (main_contract && (c->category == KT_CATEGORY_DEVELOPMENT ||
                        c->criticality == KT_CRITICALITY_CRITICAL))
    {
      kt_example_month_last (&c->start_date, 2, &date);
      if (!add (m, c, KT_ACTIVITY_STEERING_MEETING, &date, KT_RECURRENCE_HALF_YEARLY,
                c->system_owner_id, "Styregruppemøde: status, risici og beslutninger",
                "pkt. 1.3", PLAN_DONE, error))
        return FALSE;
    }

  if (c->type == KT_CONTRACT_TYPE_DATA_PROCESSING)
    {
      kt_example_month_last (&c->start_date, 4, &date);
      if (!add (m, c, KT_ACTIVITY_CONTROL_REPORT, &date, KT_RECURRENCE_YEARLY, c->administrator_id,
                "Indhent og gennemgå revisionserklæring (ISAE 3000) og listen over "
                "underdatabehandlere", "pkt. 7 og 12",
                c->id % 4 == 0 ? PLAN_BEHIND : PLAN_DONE, error))
        return FALSE;
    }

  if (main_contract && c->criticality == KT_CRITICALITY_CRITICAL &&
      (c->category == KT_CATEGORY_OPERATION || c->category == KT_CATEGORY_HOSTING))
    {
      month_day (&c->start_date, 1, 10, &date);
      if (!add (m, c, KT_ACTIVITY_SLA_KPI, &date, KT_RECURRENCE_MONTHLY, c->administrator_id,
                "Gennemgå månedlig SLA-rapport: oppetid, svartider og hændelser", "bilag 1, pkt. 3",
                PLAN_DONE, error))
        return FALSE;

      if (!*penalty_done)
        {
          /* A penalty to claim, twelve days overdue. */
          days_from (m->ref, -12, &date);
          *penalty_done = TRUE;
          if (!add (m, c, KT_ACTIVITY_PENALTY, &date, KT_RECURRENCE_NONE, c->administrator_id,
                    "Opgør og fakturér bod for overskredne svartider i forrige kvartal",
                    "pkt. 9.2", PLAN_OPEN, error))
            return FALSE;
        }
    }

  if (main_contract && c->price_index != KT_PRICE_INDEX_NONE &&
      g_date_valid (&c->price_regulation_date) && c->contract_sum != KT_MONEY_NONE &&
      c->contract_sum >= 2000000 * (gint64) 100)
    {
      /* Two weeks after each regulation, from the first after the start. */
      date = c->price_regulation_date;
      for (;;)
        {
          GDate earlier = date;

          g_date_subtract_years (&earlier, 1);
          if (g_date_compare (&earlier, &c->start_date) <= 0)
            break;
          date = earlier;
        }
      g_date_add_days (&date, 14);
      if (!add (m, c, KT_ACTIVITY_PRICE_REGULATION, &date, KT_RECURRENCE_YEARLY,
                c->administrator_id,
                "Kontrollér at prisreguleringen følger pkt. 6.4 og slår korrekt igennem på "
                "fakturaen", "pkt. 6.4", PLAN_DONE, error))
        return FALSE;
    }

  if (c->category == KT_CATEGORY_DEVELOPMENT && c->status == KT_STATUS_ACTIVE)
    {
      gboolean late = c->id % 3 == 0;

      kt_example_month_last (m->ref, -2, &date);
      if (!add (m, c, KT_ACTIVITY_PARTIAL_DELIVERY, &date, KT_RECURRENCE_NONE, c->system_owner_id,
                "Delleverance 1: installation og test i kommunens miljø", "bilag 3, pkt. 2.1",
                PLAN_DONE, error))
        return FALSE;

      /* Some acceptance tests are late. */
      if (late)
        days_from (m->ref, -9, &date);
      else
        kt_example_month_last (m->ref, 1, &date);
      if (!add (m, c, KT_ACTIVITY_MILESTONE, &date, KT_RECURRENCE_NONE, c->system_owner_id,
                "Milepæl: overtagelsesprøve gennemført og godkendt", "bilag 3, pkt. 4",
                PLAN_OPEN, error))
        return FALSE;

      month_day (m->ref, 2, 15, &date);
      if (!add (m, c, KT_ACTIVITY_PAYMENT_DEADLINE, &date, KT_RECURRENCE_NONE, c->administrator_id,
                "Rate 2 betales efter godkendt overtagelsesprøve", "bilag 5, pkt. 3",
                PLAN_OPEN, error))
        return FALSE;
    }

  if (main_contract && fixed && c->status == KT_STATUS_ACTIVE && options_left (c) > 0)
    {
      date = c->end_date;
      kt_date_subtract_months (&date, 10);
      if (!add (m, c, KT_ACTIVITY_RENEGOTIATION, &date, KT_RECURRENCE_NONE, c->system_owner_id,
                "Forbered forhandling om pris og vilkår før beslutning om option",
                "pkt. 5.1", g_date_compare (&date, m->ref) < 0 ? PLAN_DONE : PLAN_OPEN, error))
        return FALSE;

      date = c->end_date;
      kt_date_subtract_months (&date, MAX (c->notice_months, 1) + 2);
      if (!add (m, c, KT_ACTIVITY_OPTION_EXERCISE, &date, KT_RECURRENCE_NONE, c->system_owner_id,
                "Indstilling om udnyttelse af option forelægges styregruppen", "pkt. 5.2",
                g_date_compare (&date, m->ref) < 0 ? PLAN_DONE : PLAN_OPEN, error))
        return FALSE;
    }

  if (c->status == KT_STATUS_NOTICE_GIVEN && fixed)
    {
      kt_example_month_last (&c->end_date, 1, &date);
      if (!add (m, c, KT_ACTIVITY_EXPIRY, &date, KT_RECURRENCE_NONE, c->administrator_id,
                "Bekræft at data er udleveret og slettet, og modtag slettecertifikat",
                "pkt. 10", PLAN_OPEN, error))
        return FALSE;
    }

  if (main_contract && c->exit_notes != NULL && c->status == KT_STATUS_ACTIVE)
    {
      kt_example_month_last (m->ref, 4 + (int) (c->id % 5), &date);
      if (!add (m, c, KT_ACTIVITY_OTHER, &date, KT_RECURRENCE_NONE, c->administrator_id,
                "Opdatér exit-plan og dokumentation for overdragelse", "pkt. 10",
                m->n_exit++ == 1 ? PLAN_CANCELLED : PLAN_OPEN, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
kt_example_add_curated_activities (KtStore      *store,
                                   GRand        *rand,
                                   const GDate  *ref,
                                   GPtrArray    *contracts,
                                   GHashTable   *person_names,
                                   GError      **error)
{
  Maker m = { store, rand, ref, person_names, 0, 0 };
  guint n_important = 0;
  gboolean penalty_done = FALSE;

  for (guint i = 0; i < contracts->len; i++)
    if (!curated_for (&m, g_ptr_array_index (contracts, i), &n_important, &penalty_done, error))
      return FALSE;

  return TRUE;
}

/* ---- generated ---- */

static const char *const generated_descriptions[] = {
  [KT_ACTIVITY_EXPIRY] = "Kontrollér udløb og overdragelse",
  [KT_ACTIVITY_RENEGOTIATION] = "Genforhandling af priser og servicemål",
  [KT_ACTIVITY_PRICE_REGULATION] = "Kontrollér prisregulering mod prisbilaget",
  [KT_ACTIVITY_OPTION_EXERCISE] = "Beslut om option skal udnyttes",
  [KT_ACTIVITY_PARTIAL_DELIVERY] = "Delleverance godkendes",
  [KT_ACTIVITY_PAYMENT_DEADLINE] = "Betaling af rate",
  [KT_ACTIVITY_PENALTY] = "Opgør bod for forsinkelse",
  [KT_ACTIVITY_SLA_KPI] = "Gennemgå SLA-rapport",
  [KT_ACTIVITY_MILESTONE] = "Milepæl nået og godkendt",
  [KT_ACTIVITY_CONTROL_REPORT] = "Indhent kontrolrapport og revisionserklæring",
  [KT_ACTIVITY_STATUS_MEETING] = "Kontraktligt statusmøde",
  [KT_ACTIVITY_STEERING_MEETING] = "Styregruppemøde",
  [KT_ACTIVITY_OTHER] = "Opfølgning",
};

G_STATIC_ASSERT (G_N_ELEMENTS (generated_descriptions) == KT_ACTIVITY_OTHER + 1);

gboolean
kt_example_add_generated_activities (KtStore      *store,
                                     GRand        *rand,
                                     const GDate  *ref,
                                     GPtrArray    *contracts,
                                     GArray       *people,
                                     guint         n_activities,
                                     GError      **error)
{
  static const KtRecurrence recurrences[] = {
    KT_RECURRENCE_MONTHLY, KT_RECURRENCE_QUARTERLY, KT_RECURRENCE_QUARTERLY,
    KT_RECURRENCE_HALF_YEARLY, KT_RECURRENCE_YEARLY, KT_RECURRENCE_YEARLY,
  };
  g_autoptr(GHashTable) names = g_hash_table_new (g_int64_hash, g_int64_equal);
  Maker m = { store, rand, ref, names, 0, 0 };

  if (contracts->len == 0)
    return TRUE;

  for (guint i = 0; i < n_activities; i++)
    {
      const KtContract *c = g_ptr_array_index (contracts, g_rand_int_range (rand, 0, contracts->len));
      KtActivityType type = g_rand_int_range (rand, 0, KT_ACTIVITY_OTHER + 1);
      KtRecurrence recurrence = KT_RECURRENCE_NONE;
      g_autofree char *clause = NULL;
      gint64 responsible;
      int roll = g_rand_int_range (rand, 0, 100);
      Plan plan;
      GDate deadline;

      /* Two years back to two years ahead. */
      days_from (ref, g_rand_int_range (rand, -730, 731), &deadline);
      if (g_rand_int_range (rand, 0, 4) == 0)
        recurrence = recurrences[g_rand_int_range (rand, 0, G_N_ELEMENTS (recurrences))];

      responsible = g_rand_int_range (rand, 0, 4) == 0 || people->len == 0
                    ? c->administrator_id
                    : g_array_index (people, gint64, g_rand_int_range (rand, 0, people->len));
      clause = g_strdup_printf ("pkt. %d.%d", g_rand_int_range (rand, 1, 25),
                                g_rand_int_range (rand, 1, 10));

      if (g_date_compare (&deadline, ref) >= 0)
        plan = roll < 3 ? PLAN_CANCELLED : PLAN_OPEN;
      else
        plan = roll < 85 ? PLAN_DONE : roll < 95 ? PLAN_BEHIND : PLAN_CANCELLED;
      if (recurrence == KT_RECURRENCE_NONE && plan == PLAN_BEHIND)
        plan = PLAN_OPEN;

      if (!add (&m, c, type, &deadline, recurrence, responsible, generated_descriptions[type],
                clause, plan, error))
        return FALSE;
    }

  return TRUE;
}
