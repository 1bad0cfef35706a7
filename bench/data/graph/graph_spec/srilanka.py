from ._dsl import A, C, D, E, F, P, S, V, X

DMC = E("Disaster Management Centre", "organization", "sri-lanka-dmc", aliases=["DMC"], country="LK")

ARTICLES = [
    A("Floods displace thousands in Sri Lanka as foreign aid arrives", "2024-10-09",
      entities=[
          DMC,
          E("Nalin Perera", "person", "nalin-perera", aliases=["Perera"], roles=["DMC spokesman"],
            org="Disaster Management Centre", country="LK"),
          E("United Nations", "organization", "united-nations", aliases=["UN"]),
          E("World Food Programme", "organization", "wfp", aliases=["WFP"]),
          E("Chaminda Silva", "person", "chaminda-silva", roles=["Opposition MP"], country="LK"),
          E("Department of Meteorology", "organization", "sri-lanka-meteorology-department", country="LK"),
          E("Anura Karunaratne", "person", "anura-karunaratne", roles=["Disaster Management Minister"],
            country="LK"),
      ],
      places=[
          P("COLOMBO", "Colombo", "LK", "city", dateline=True),
          P("Kaduwela", "Kaduwela", "LK", "city"),
          P("Ratnapura", "Ratnapura District", "LK", "admin"),
          P("India", "India", "IN", "country", meto=True),
          P("Pakistan", "Pakistan", "PK", "country", meto=True),
          P("Sri Lanka", "Sri Lanka", "LK", "country"),
          P("Kalutara", "Kalutara District", "LK", "admin"),
      ],
      dates=[
          D("October 8, 2024", "2024-10-08"),
          D("Wednesday", "2024-10-09"),
          D("Tuesday", "2024-10-08"),
          D("Wednesday", "2024-10-09", n=2),
          D("Sunday", "2024-10-06"),
      ],
      figures=[
          F("Nearly 1,200 people", 1200, "count", "people", "nearly", None),
          F("14 people", 14, "count", "people", None, "Disaster Management Centre"),
          F("more than 41,000 families", 41000, "count", "families", "more than", "Disaster Management Centre"),
          F("seven districts", 7, "count", "districts", None, "Disaster Management Centre"),
          F("two-thirds", 2 / 3, "fraction", "farmland", None, "Nalin Perera"),
          F("nearly 1,200 people", 1200, "count", "people", "nearly", "Nalin Perera"),
          F("25 tonnes", 25, "tonnes", "relief material", None, "officials"),
          F("more than 300 people", 300, "count", "people", "more than", None),
          F("$1.2m", 1.2e6, "USD", "emergency food aid", None, "World Food Programme"),
          F("fewer than half", 0.5, "fraction", "families", "fewer than", "Chaminda Silva"),
          F("36 relief centres", 36, "count", "relief centres", None, "Anura Karunaratne"),
          F("within 24 hours", 24, "hours", None, "within", "Anura Karunaratne"),
      ],
      stances=[
          S("Floods and landslides triggered by monsoon rains have killed 14 people and affected more than "
            "41,000 families in seven districts of Sri Lanka", "Disaster Management Centre", "assert"),
          S("In Ratnapura district, where two-thirds of the farmland is under water, nearly 1,200 people were "
            "sheltering in schools and temples", "Nalin Perera", "assert"),
          S("The water is receding in Colombo, but in the hill areas the risk of landslides remains very high",
            "Nalin Perera", "assert"),
          S("An Indian navy ship carrying 25 tonnes of relief material docked in Colombo on Tuesday, and a "
            "Pakistani military aircraft with tents and medicines landed on Wednesday", "officials", "assert"),
          S("it had released $1.2m for emergency food aid", "World Food Programme", "assert"),
          S("the government of ignoring warnings from the Department of Meteorology", "Chaminda Silva",
            "accuse"),
          S("relief had reached fewer than half of the affected families", "Chaminda Silva", "assert"),
          S("the criticism", "Anura Karunaratne", "deny", optional=True),
          S("36 relief centres had been opened within 24 hours of the first warning", "Anura Karunaratne",
            "assert"),
      ],
      claims=[
          C("relief had reached fewer than half of the affected families", "Chaminda Silva", "assert", [
              X("Disaster Management Minister Anura Karunaratne rejected the criticism, saying 36 relief "
                "centres had been opened within 24 hours of the first warning.", "Anura Karunaratne", "deny")]),
          C("the government of ignoring warnings from the Department of Meteorology", "Chaminda Silva",
            "accuse", [
                X("Disaster Management Minister Anura Karunaratne rejected the criticism, saying 36 relief "
                  "centres had been opened within 24 hours of the first warning.", "Anura Karunaratne",
                  "deny")]),
      ],
      events=[
          V("AID", "India and Pakistan have sent relief supplies", "india-aid-ship-to-sri-lanka",
            actor="India", ac="IN", recipient="Sri Lanka", country="LK", optional=True),
          V("AID", "India and Pakistan have sent relief supplies", "pakistan-aid-flight-to-sri-lanka",
            actor="Pakistan", ac="PK", recipient="Sri Lanka", country="LK", optional=True),
          V("AID", "An Indian navy ship carrying 25 tonnes", "india-aid-ship-to-sri-lanka",
            actor="India", ac="IN", recipient="Sri Lanka", place="Colombo", country="LK", date="2024-10-08"),
          V("AID", "a Pakistani military aircraft with tents and medicines landed",
            "pakistan-aid-flight-to-sri-lanka", actor="Pakistan", ac="PK", recipient="Sri Lanka",
            country="LK", date="2024-10-09"),
          V("COOPERATE", "Indian and Sri Lankan naval teams rescued", "india-sri-lanka-joint-rescue",
            actor="India", ac="IN", recipient="Sri Lanka", place="Kalutara District", country="LK",
            date="2024-10-06"),
          V("AID", "it had released $1.2m for emergency food aid", "wfp-aid-sri-lanka-floods",
            actor="World Food Programme", recipient="Sri Lanka", country="LK"),
          V("ACCUSE", "accused the government of ignoring warnings", "silva-accuses-government-floods",
            mode="disapprove", actor="Chaminda Silva", ac="LK", recipient="government"),
          V("REJECT", "Anura Karunaratne rejected the criticism", "minister-rejects-flood-criticism",
            actor="Anura Karunaratne", ac="LK", recipient="Chaminda Silva"),
      ]),

    A("Sri Lanka asks IMF to ease targets after flood damage", "2024-10-10",
      entities=[
          E("International Monetary Fund", "organization", "imf", aliases=["IMF", "fund"]),
          E("Elena Vasquez", "person", "elena-vasquez", aliases=["Vasquez"], roles=["head of the IMF mission"],
            org="International Monetary Fund"),
          E("World Bank", "organization", "world-bank"),
          E("Harshana Wickrama", "person", "harshana-wickrama", roles=["Deputy Finance Minister"],
            country="LK"),
          DMC,
          E("Central Bank of Sri Lanka", "organization", "central-bank-of-sri-lanka", country="LK"),
      ],
      places=[
          P("COLOMBO", "Colombo", "LK", "city", dateline=True),
          P("Sri Lanka", "Sri Lanka", "LK", "country", meto=True),
      ],
      dates=[
          D("Thursday", "2024-10-10"),
          D("Monday", "2024-10-07"),
          D("Thursday", "2024-10-10", n=2),
          D("September", "2024-09"),
          D("Novem", None, optional=True),
      ],
      figures=[
          F("around $300 million", 3e8, "USD", "damage", "around", None),
          F("$2.9 billion", 2.9e9, "USD", "bailout programme", None, "finance ministry"),
          F("around $300 million", 3e8, "USD", "damage", "around", "finance ministry", n=2),
          F("between $250 million and $280 million", 2.5e8, "USD", "damage", None, "World Bank", high=2.8e8),
          F("2.3 percent", 2.3, "percent", "GDP", None, "Elena Vasquez"),
          F("about 900", 900, "count", "people", "about", "Disaster Management Centre"),
          F("0.5 percent", 0.5, "percent", "inflation", None, "economists"),
      ],
      stances=[
          S("surplus target remains an anchor", "International Monetary Fund", "assert", optional=True),
          S("Sri Lanka has asked the International Monetary Fund (IMF) to relax some targets of its $2.9 "
            "billion bailout programme to free money for flood reconstruction", "finance ministry", "assert"),
          S("flood damage at around $300 million", "finance ministry", "assert"),
          S("the figure at between $250 million and $280 million", "World Bank", "assert"),
          S("We are not asking for a new loan. We are asking for room to rebuild", "Harshana Wickrama",
            "assert"),
          S("the fund was “sympathetic” but that the primary surplus target of 2.3 percent of GDP remained "
            "“an important anchor.”", "Elena Vasquez", "assert"),
          S("the number of people in relief camps had fallen to about 900", "Disaster Management Centre",
            "assert"),
          S("inflation, which fell to 0.5 percent in September, could rise again as food supplies are "
            "disrupted", "economists", "warn"),
      ],
      claims=[
          C("flood damage at around $300 million", "finance ministry", "assert", [
              X("the figure at between $250 million and $280 million", "World Bank", "assert")]),
      ],
      events=[
          V("REQUEST", "Sri Lanka has asked the International Monetary Fund", "sri-lanka-asks-imf-ease-targets",
            mode="change", actor="Sri Lanka", ac="LK", recipient="International Monetary Fund",
            date="2024-10-10"),
          V("CONSULT", "An IMF mission led by Elena Vasquez began talks", "imf-mission-talks-colombo",
            mode="visit", actor="International Monetary Fund", recipient="Sri Lanka", place="Colombo",
            country="LK", date="2024-10-07"),
      ]),
]
