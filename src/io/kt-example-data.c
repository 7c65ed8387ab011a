/* kt-example-data.c — Eksempel Kommune: its organisation, people, suppliers and vocabulary
 *
 * Copyright 2026 The Kontrakter authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every company, person, street and e-mail address here is invented. Postal
 * codes and towns are real so that addresses look right to a Danish reader.
 */

#define G_LOG_DOMAIN "Kontrakter"

#include "kt-example-data.h"

#define R(role) (1u << KT_ROLE_##role)

const KtExampleUnit kt_example_units[N_EXAMPLE_UNITS] = {
  [U_BU]     = { "Børne- og Ungeforvaltningen", KT_ORG_UNIT_KIND_FORVALTNING, -1 },
  [U_SS]     = { "Social- og Sundhedsforvaltningen", KT_ORG_UNIT_KIND_FORVALTNING, -1 },
  [U_TM]     = { "Teknik- og Miljøforvaltningen", KT_ORG_UNIT_KIND_FORVALTNING, -1 },
  [U_OP]     = { "Økonomi- og Personaleforvaltningen", KT_ORG_UNIT_KIND_FORVALTNING, -1 },
  [U_KF]     = { "Kultur- og Fritidsforvaltningen", KT_ORG_UNIT_KIND_FORVALTNING, -1 },
  [U_CDI]    = { "Center for Digitalisering og IT", KT_ORG_UNIT_KIND_CENTER, U_OP },
  [U_OEK]    = { "Center for Økonomi", KT_ORG_UNIT_KIND_CENTER, U_OP },
  [U_HR]     = { "Center for HR og Løn", KT_ORG_UNIT_KIND_CENTER, U_OP },
  [U_BORGER] = { "Borgerservice", KT_ORG_UNIT_KIND_CENTER, U_OP },
  [U_SKOLE]  = { "Skoleafdelingen", KT_ORG_UNIT_KIND_CENTER, U_BU },
  [U_DAG]    = { "Dagtilbudsafdelingen", KT_ORG_UNIT_KIND_CENTER, U_BU },
  [U_TAND]   = { "Den Kommunale Tandpleje", KT_ORG_UNIT_KIND_CENTER, U_BU },
  [U_SUND]   = { "Center for Sundhed og Omsorg", KT_ORG_UNIT_KIND_CENTER, U_SS },
  [U_JOB]    = { "Center for Job og Ydelse", KT_ORG_UNIT_KIND_CENTER, U_SS },
  [U_BYG]    = { "Center for Byg og Miljø", KT_ORG_UNIT_KIND_CENTER, U_TM },
  [U_VEJ]    = { "Center for Vej og Park", KT_ORG_UNIT_KIND_CENTER, U_TM },
  [U_BIB]    = { "Bibliotekerne", KT_ORG_UNIT_KIND_CENTER, U_KF },
};

const KtExamplePerson kt_example_people[N_EXAMPLE_PEOPLE] = {
  [P_METTE]     = { "Mette Kjær Andersen", "mette.andersen@eksempel.dk", U_CDI, R (CONTRACT_MANAGER) },
  [P_LARS]      = { "Lars Bøgh Nielsen", "lars.nielsen@eksempel.dk", U_CDI, R (HEAD_OF_DIGITALISATION) },
  [P_SUSANNE]   = { "Susanne Holm", "susanne.holm@eksempel.dk", U_OEK, R (IT_CONTROLLER) },
  [P_JESPER]    = { "Jesper Lund Madsen", "jesper.madsen@eksempel.dk", U_CDI, R (IT_BUYER) },
  [P_ANNEMARIE] = { "Anne-Marie Vestergaard", "anne-marie.vestergaard@eksempel.dk", U_CDI, R (ARCHITECTURE_LEAD) },
  [P_THOMAS]    = { "Thomas Dalgaard", "thomas.dalgaard@eksempel.dk", U_CDI, R (SECURITY_LEAD) | R (SYSTEM_OWNER) },
  [P_JONAS]     = { "Jonas Vinther", "jonas.vinther@eksempel.dk", U_CDI, R (SYSTEM_OWNER) | R (CONTRACT_MANAGER) },
  [P_KASPER]    = { "Kasper Østergaard", "kasper.oestergaard@eksempel.dk", U_CDI, R (SYSTEM_OWNER) },
  [P_MICHAEL]   = { "Michael Brandt", "michael.brandt@eksempel.dk", U_OEK, R (SYSTEM_OWNER) },
  [P_HELLE]     = { "Helle Juhl", "helle.juhl@eksempel.dk", U_HR, R (SYSTEM_OWNER) },
  [P_LONE]      = { "Lone Thygesen", "lone.thygesen@eksempel.dk", U_BORGER, R (SYSTEM_OWNER) },
  [P_PIA]       = { "Pia Sørensen", "pia.soerensen@eksempel.dk", U_SKOLE, R (SYSTEM_OWNER) },
  [P_HENRIK]    = { "Henrik Møller", "henrik.moeller@eksempel.dk", U_BU, R (DEPARTMENT_COORDINATOR) | R (CONTRACT_MANAGER) },
  [P_BIRGITTE]  = { "Birgitte Hald", "birgitte.hald@eksempel.dk", U_DAG, R (SYSTEM_OWNER) },
  [P_NIELS]     = { "Niels Ravn", "niels.ravn@eksempel.dk", U_TAND, R (SYSTEM_OWNER) },
  [P_CAMILLA]   = { "Camilla Frost", "camilla.frost@eksempel.dk", U_SUND, R (SYSTEM_OWNER) },
  [P_IDA]       = { "Ida Krogh", "ida.krogh@eksempel.dk", U_SS, R (DEPARTMENT_COORDINATOR) | R (SYSTEM_OWNER) },
  [P_BENTE]     = { "Bente Rasmussen", "bente.rasmussen@eksempel.dk", U_JOB, R (SYSTEM_OWNER) },
  [P_SOEREN]    = { "Søren Kristensen", "soeren.kristensen@eksempel.dk", U_BYG, R (SYSTEM_OWNER) },
  [P_MARTIN]    = { "Martin Ebbesen", "martin.ebbesen@eksempel.dk", U_TM, R (DEPARTMENT_COORDINATOR) },
  [P_MORTEN]    = { "Morten Skov", "morten.skov@eksempel.dk", U_VEJ, R (SYSTEM_OWNER) },
  [P_RIKKE]     = { "Rikke Bach", "rikke.bach@eksempel.dk", U_BIB, R (SYSTEM_OWNER) },
};

const KtExampleSupplier kt_example_suppliers[N_EXAMPLE_SUPPLIERS] = {
  [S_NORDLYS]          = { "Nordlys Data A/S", "Nordlysvej 14", "2100", "København Ø", "nordlysdata.dk", 6433012, NULL },
  [S_KOMMUNESYSTEMER]  = { "Kommunesystemer ApS", "Rugmarken 7", "5000", "Odense C", "kommunesystemer.dk", 3530829,
                           "Leverer både udvikling og drift af økonomisystemet." },
  [S_FJORDSOFT]        = { "Fjordsoft A/S", "Fjordkanten 22", "9000", "Aalborg", "fjordsoft.dk", 7624039,
                           "Strategisk leverandør: omsorg og handicap/psykiatri. Kvartalsvise statusmøder." },
  [S_SKOLENET]         = { "Skolenet Danmark ApS", "Bogtrykkervej 3", "8000", "Aarhus C", "skolenet-danmark.dk", 1810111, NULL },
  [S_BOELGE]           = { "Bølgelængde Netværk A/S", "Fiberbuen 9", "7100", "Vejle", "boelgelaengde.dk", 2215279, NULL },
  [S_LOENKOMPAGNIET]   = { "Lønkompagniet A/S", "Hedebakken 41", "7400", "Herning", "loenkompagniet.dk", 9990608, NULL },
  [S_BORGERFLOW]       = { "Borgerflow ApS", "Domkirkestræde 5", "4000", "Roskilde", "borgerflow.dk", 2579240, NULL },
  [S_KOELOESNING]      = { "Køløsning Nord ApS", "Skagensporet 18", "9800", "Hjørring", "koeloesning.dk", 7135241, NULL },
  [S_TANDHJULET]       = { "Tandhjulet Software ApS", "Tandhjulsvej 2", "6000", "Kolding", "tandhjulet.dk", 1973060, NULL },
  [S_SERVERHUSET]      = { "Serverhuset Midt A/S", "Datavænget 11", "8600", "Silkeborg", "serverhuset-midt.dk", 9513358,
                           "Revisionserklæring (ISAE 3402) modtages hvert år i april." },
  [S_SIKKERKOPI]       = { "Sikkerkopi A/S", "Arkivparken 30", "2600", "Glostrup", "sikkerkopi.dk", 4602037, NULL },
  [S_PRINTPARTNER]     = { "Printpartner Sjælland ApS", "Tonerstien 4", "4700", "Næstved", "printpartner.dk", 1629072, NULL },
  [S_TELEKOMPAGNIET]   = { "Telekompagniet Øst A/S", "Signalvej 16", "2630", "Taastrup", "telekompagniet.dk", 8275367, NULL },
  [S_MOBILFORBINDELSEN]= { "Mobilforbindelsen A/S", "Antennebakken 1", "2750", "Ballerup", "mobilforbindelsen.dk", 8015764, NULL },
  [S_LICENSHUSET]      = { "Licenshuset Danmark A/S", "Nøglehaven 8", "2800", "Kongens Lyngby", "licenshuset.dk", 5037655,
                           "Forhandler af Microsoft-licenser under SKI-aftalen." },
  [S_KREATIV]          = { "Kreativ Licens ApS", "Pensel Allé 19", "2000", "Frederiksberg", "kreativlicens.dk", 2521911, NULL },
  [S_GEODATA]          = { "Kortlægning & Geodata A/S", "Målebordsvej 6", "2970", "Hørsholm", "kortgeodata.dk", 8122250, NULL },
  [S_YDELSESSYSTEMER]  = { "Ydelsessystemer A/S", "Udbetalingsvej 12", "2750", "Ballerup", "ydelsessystemer.dk", 1991709,
                           "Kontrakten er indgået af KOMBIT på kommunernes vegne." },
  [S_REFUSIONSDATA]    = { "Refusionsdata ApS", "Regnskabsgade 27", "8000", "Aarhus C", "refusionsdata.dk", 3077052,
                           "Kontrakten er indgået af KOMBIT på kommunernes vegne." },
  [S_SAGSOVERBLIK]     = { "Sagsoverblik A/S", "Overblikket 3", "8700", "Horsens", "sagsoverblik.dk", 4745328,
                           "Kontrakten er indgået af KOMBIT på kommunernes vegne." },
  [S_VESTKYST]         = { "Rådgivningshuset Vestkyst ApS", "Klitrosevej 10", "6700", "Esbjerg", "raadgivningshuset.dk", 2037872, NULL },
  [S_DIGITALFORV]      = { "Digital Forvaltning ApS", "Kanalbryggen 15", "1050", "København K", "digitalforvaltning.dk", 7655194, NULL },
  [S_SKOLECOMPUTER]    = { "Skolecomputer Danmark A/S", "Tastaturvej 21", "8900", "Randers C", "skolecomputer.dk", 1831970, NULL },
  [S_HOSTINGFYN]       = { "Hostingcentret Fyn A/S", "Havnefronten 9", "5700", "Svendborg", "hostingfyn.dk", 4709137, NULL },
  [S_BYGGESAG]         = { "Byggesagsløsninger ApS", "Murerstien 13", "8800", "Viborg", "byggesag.dk", 3234302, NULL },
  [S_BIBLIOTEKSDATA]   = { "Biblioteksdata A/S", "Udlånsvej 4", "4300", "Holbæk", "biblioteksdata.dk", 5858837, NULL },
  [S_DAGTILBUD]        = { "Dagtilbudsportalen ApS", "Sandkassevej 8", "4200", "Slagelse", "dagtilbudsportalen.dk", 3420198,
                           "Har flere gange leveret sent; tages op på næste leverandørstyringsmøde." },
  [S_VEJDATA]          = { "Vej & Data ApS", "Asfaltvej 31", "6100", "Haderslev", "vejogdata.dk", 2976225, NULL },
  [S_NETVAERKSVAGTEN]  = { "Netværksvagten A/S", "Vagttårnet 2", "4600", "Køge", "netvaerksvagten.dk", 6175466, NULL },
  [S_ARKIV]            = { "Arkivløsninger Nord ApS", "Protokolvej 5", "9900", "Frederikshavn", "arkivloesninger.dk", 4032085, NULL },
  [S_BOOKING]          = { "Bookingsystemer Sydhavn ApS", "Sydhavnsgade 40", "2450", "København SV", "bookingsydhavn.dk", 2728987, NULL },
  [S_SKAERMHUSET]      = { "Skærmhuset A/S", "Lysavisen 7", "5500", "Middelfart", "skaermhuset.dk", 4151952, NULL },
  [S_LAERINGSRUMMET]   = { "Læringsrummet ApS", "Tavlevej 12", "7500", "Holstebro", "laeringsrummet.dk", 7247794, NULL },
  [S_TRYGHED]          = { "Tryghedsteknik A/S", "Alarmvej 3", "8700", "Horsens", "tryghedsteknik.dk", 2634613, NULL },
  [S_VELFAERD]         = { "Velfærdsdata ApS", "Omsorgsgade 9", "5800", "Nyborg", "velfaerdsdata.dk", 2053424, NULL },
  [S_BESKAEFTIGELSE]   = { "Beskæftigelsesdata A/S", "Jobvejen 20", "6400", "Sønderborg", "beskaeftigelsesdata.dk", 1999941, NULL },
  [S_WEBHUSET]         = { "Webhuset Lillebælt ApS", "Bæltvej 14", "7000", "Fredericia", "webhuset-lillebaelt.dk", 4455413, NULL },
  [S_INDSIGT]          = { "Indsigt Analyse ApS", "Tallenes Plads 2", "8200", "Aarhus N", "indsigtanalyse.dk", 9328453, NULL },
  [S_KONTORTEKNIK]     = { "Kontorteknik Midtjylland A/S", "Skærmvej 9", "7800", "Skive", "kontorteknik.dk", 8173808, NULL },
};

const char *const kt_example_first_names[] = {
  "Anders", "Anne", "Bo", "Camilla", "Christian", "Dorthe", "Emil", "Freja", "Frederik",
  "Gitte", "Hanne", "Ida", "Jakob", "Jens", "Julie", "Karen", "Kirsten", "Lars", "Line",
  "Louise", "Mads", "Maria", "Martin", "Mette", "Mikkel", "Nanna", "Niels", "Ole", "Peter",
  "Pernille", "Rasmus", "Sara", "Signe", "Simon", "Sofie", "Søren", "Tina", "Troels",
  "Ulla", "Vibeke", NULL
};

const char *const kt_example_last_names[] = {
  "Andersen", "Bech", "Christensen", "Dahl", "Eriksen", "Frandsen", "Gregersen", "Hansen",
  "Holm", "Iversen", "Jensen", "Jeppesen", "Johansen", "Jørgensen", "Kjeldsen", "Knudsen",
  "Kristiansen", "Larsen", "Lauridsen", "Madsen", "Mikkelsen", "Møller", "Nielsen",
  "Nygaard", "Olesen", "Pedersen", "Poulsen", "Rasmussen", "Schmidt", "Sørensen",
  "Thomsen", "Toft", "Vestergaard", "Villadsen", "Winther", "Østergaard", NULL
};

const char *const kt_example_contact_titles[] = {
  "Kundeansvarlig", "Key account manager", "Driftschef", "Supportansvarlig",
  "Projektleder", "Juridisk rådgiver", "Salgsdirektør", "Servicemanager",
  "Sikkerhedsansvarlig (DPO)", NULL
};

const char *const kt_example_supplier_prefixes[] = {
  "Nordlys", "Fjord", "Bølge", "Kyst", "Egetræ", "Lyngbakke", "Havn", "Skovbryn", "Mølle",
  "Ådal", "Klit", "Hede", "Bakke", "Engdal", "Sølvgran", "Kridt", "Marsk", "Vesterhav",
  "Østersø", "Lindely", "Bøgeskov", "Søndersø", "Fyrtårn", "Ravsted", "Kløver", "Rødding",
  "Tårnby", "Vadehav", "Birkely", "Solbakke", "Strandeng", "Kongeå", "Storebælt",
  "Limfjord", "Gudenå", "Himmerland", "Sydfyn", "Nordsjælland", "Vendsyssel", "Djursland",
  NULL
};

const char *const kt_example_supplier_stems[] = {
  "Data", "Systemer", "Software", "IT", "Digital", "Netværk", "Drift", "Consult",
  "Løsninger", "Informatik", "Teknik", "Hosting", "Licens", "Rådgivning", "Kommunedata",
  NULL
};

const char *const kt_example_cities[][2] = {
  { "1050", "København K" }, { "2100", "København Ø" }, { "2300", "København S" },
  { "2450", "København SV" }, { "2600", "Glostrup" }, { "2630", "Taastrup" },
  { "2750", "Ballerup" }, { "2800", "Kongens Lyngby" }, { "3400", "Hillerød" },
  { "4000", "Roskilde" }, { "4200", "Slagelse" }, { "4600", "Køge" }, { "4700", "Næstved" },
  { "5000", "Odense C" }, { "5700", "Svendborg" }, { "6000", "Kolding" },
  { "6400", "Sønderborg" }, { "6700", "Esbjerg" }, { "7100", "Vejle" }, { "7400", "Herning" },
  { "8000", "Aarhus C" }, { "8600", "Silkeborg" }, { "8700", "Horsens" }, { "8800", "Viborg" },
  { "8900", "Randers C" }, { "9000", "Aalborg" }, { "9800", "Hjørring" },
};
const guint kt_example_n_cities = G_N_ELEMENTS (kt_example_cities);

const char *const kt_example_streets[] = {
  "Teknologiparken", "Industrivænget", "Erhvervsbuen", "Havnegade", "Kildevang",
  "Mosevej", "Stationsalleen", "Vindmøllevej", "Skovløkken", "Engtoften", "Bryggervej",
  "Fabriksvej", "Agerhøj", "Bakkedraget", "Lærkevej", NULL
};

const char *const kt_example_place_names[] = {
  "Ege", "Bakke", "Sø", "Eng", "Lunde", "Holme", "Skov", "Mølle", "Ager", "Hede", "Bøge",
  "Birke", "Lind", "Vester", "Øster", "Nørre", "Sønder", "Strand", "Kilde", "Vang", "Høj",
  "Dal", "Toft", "Ris", "Grøn", "Sol", "Fjord", "Bro", "Kær", "Mark", NULL
};

/* Places that own systems in a large municipality: { before, after } the place name. */
const char *const kt_example_institutions[][2] = {
  { "", "skolen" }, { "Børnehuset ", "" }, { "Plejecenter ", "" }, { "", " Bibliotek" },
  { "Dagplejen ", "" }, { "Jobcenter ", "" }, { "Materielgården ", "" }, { "Sundhedshuset ", "" },
  { "", " Idrætscenter" }, { "Ungdomsskolen ", "" }, { "Bostedet ", "" },
  { "Center for Socialpsykiatri ", "" },
};
const guint kt_example_n_institutions = G_N_ELEMENTS (kt_example_institutions);

const char *const kt_example_systems[][2] = {
  { "ESDH-løsning", "Licens, drift og vedligehold af sags- og dokumenthåndtering" },
  { "Økonomisystem", "Drift, support og lovvedligehold af økonomisystem" },
  { "Lønsystem", "Lønberegning, lønudbetaling og indberetning til eIndkomst" },
  { "Lønindberetning og fravær", "Registrering af fravær og integration til lønsystemet" },
  { "Omsorgssystem", "Elektronisk omsorgsjournal til hjemmepleje og plejecentre" },
  { "Elevplan", "Elevplaner og skole-hjem-kommunikation" },
  { "Læringsplatform", "Læringsplatform til folkeskolen inkl. support" },
  { "Chromebooks", "Leasing af Chromebooks og administrationslicenser via SKI" },
  { "Selvbetjeningsløsning", "Digitale blanketter og selvbetjening på kommunens hjemmeside" },
  { "Kø-system", "Kø- og tidsbestilling til Borgerservice" },
  { "Tandplejesystem", "Journal og indkaldelse i børnetandplejen" },
  { "Netværk", "Drift og overvågning af kommunens netværk og WAN" },
  { "Serverdrift", "Drift af servere og virtualiseringsplatform" },
  { "Backup", "Backup og gendannelse af kommunens data" },
  { "Print og kopi", "Multifunktionsmaskiner med service og klikpriser" },
  { "Telefoni", "Fastnet- og IP-telefoni" },
  { "Mobiltelefoni", "Mobilabonnementer og mobilt bredbånd via SKI" },
  { "Microsoft-licenser", "Microsoft 365 og Windows-licenser via SKI" },
  { "Adobe-licenser", "Adobe Creative Cloud-licenser" },
  { "GIS-platform", "GIS-licenser og kortdata" },
  { "Ydelsessystem", "Fagsystem til ydelser (KOMBIT)" },
  { "Refusionsløsning", "Beregning af statsrefusion (KOMBIT)" },
  { "Sags- og partsoverblik", "Overblik over borgerens sager (KOMBIT)" },
  { "Hjemmesidehosting", "Hosting og drift af hjemmeside og intranet" },
  { "Konsulentbistand", "Konsulentbistand efter medgået tid" },
  { "Bibliotekssystem", "Bibliotekssystem inkl. selvbetjeningsautomater" },
  { "Pladsanvisning", "Pladsanvisning og dagtilbudsportal" },
  { "Byggesagssystem", "Byggesagsbehandling og digital byggetilladelse" },
  { "Vejvedligehold", "Registrering af vejvedligehold og vintertjeneste" },
  { "Bookingsystem", "Booking af haller og mødelokaler" },
  { "Nødkaldeanlæg", "Nødkald og alarmer på plejecentre" },
  { "Firewall og SOC", "Netværksovervågning og sikkerhedshændelser" },
  { "Arkivering", "Arkiveringsversioner til stadsarkivet" },
  { "Ledelsesinformation", "Datavarehus og ledelsesinformation (BI)" },
  { "Vagtplanlægning", "Vagtplan og tidsregistrering til lønsystemet" },
  { "Jobcentersystem", "Fagsystem til beskæftigelsesindsatsen" },
};
const guint kt_example_n_systems = G_N_ELEMENTS (kt_example_systems);

const char *const kt_example_qualifiers[] = {
  "drift og vedligehold", "licenser", "hosting", "support", "videreudvikling",
  "implementering", "konsulentbistand", "udvidelse", "integrationer", "serviceaftale", NULL
};

const char *const kt_example_exit_notes[] = {
  "Ved ophør udleverer leverandøren alle data i et åbent, dokumenteret format og bistår ved "
  "overdragelse til ny leverandør i op til tre måneder til de aftalte timepriser.",
  "Exit-plan er godkendt: data eksporteres, arkiveringsversion afleveres til stadsarkivet, "
  "og leverandøren sletter kommunens data og sender slettecertifikat.",
  "Kontrakten mangler en egentlig exit-bestemmelse; omkostninger til datamigrering skal "
  "forhandles, hvis vi skifter leverandør.",
  "Snitfladebeskrivelser og driftsdokumentation skal holdes opdateret af leverandøren, så "
  "løsningen kan overdrages uden at genopfinde integrationerne.",
  NULL
};

const char *const kt_example_learning_points[] = {
  "Prisreguleringen blev ikke kontrolleret mod kontraktens bestemmelse – sæt en årlig "
  "aktivitet op til it-controlleren.",
  "Kravspecifikationen beskrev ikke integrationerne godt nok; en snitfladeoversigt skal "
  "være bilag i næste udbud.",
  "Månedlige statusmøder med referat til leverandøren har reduceret antallet af sager om "
  "fejlfakturering markant.",
  "Licensantallet blev ikke justeret, da brugerne faldt – tjek forbruget før den årlige "
  "regulering.",
  "Optionen blev udnyttet for sent til at gennemføre et ordentligt genudbud – start "
  "udbudsplanlægningen 18 måneder før udløb.",
  NULL
};

guint
kt_example_strv_length (const char *const *strv)
{
  guint n = 0;

  while (strv[n] != NULL)
    n++;

  return n;
}
