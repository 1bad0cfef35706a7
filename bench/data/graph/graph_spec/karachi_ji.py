from ._dsl import A, C, D, E, F, P, S, V, X

JI = E("Jamaat-e-Islami", "organization", "jamaat-e-islami", aliases=["JI"], country="PK")

ARTICLES = [
    A("JI sit-in paralyses Karachi as traders join strike against power tariffs", "2024-10-06",
      entities=[
          JI,
          E("Hafiz Naeem-ur-Rehman", "person", "hafiz-naeem-ur-rehman", aliases=["Rehman"],
            roles=["JI chief"], org="Jamaat-e-Islami", country="PK"),
          E("Saleem Akhtar", "person", "saleem-akhtar", roles=["JI spokesperson"],
            org="Jamaat-e-Islami", country="PK"),
          E("Karachi Traders Alliance", "organization", "karachi-traders-alliance", aliases=["KTA"],
            country="PK"),
          E("Javed Shams", "person", "javed-shams", roles=["president"], org="Karachi Traders Alliance",
            country="PK"),
          E("Tariq Farooq", "person", "tariq-farooq", roles=["Federal Energy Minister"], country="PK"),
          E("International Monetary Fund", "organization", "imf", aliases=["IMF"]),
      ],
      places=[
          P("KARACHI", "Karachi", "PK", "city", dateline=True),
          P("Islamabad", "Islamabad", "PK", "city"),
          P("Rawalpindi", "Rawalpindi", "PK", "city"),
      ],
      dates=[
          D("October 6, 2024", "2024-10-06"),
          D("Sunday", "2024-10-06"),
          D("last month", "2024-09"),
          D("Last year", "2023"),
      ],
      figures=[
          F("nearly 5,000", 5000, "count", "people", "nearly", "police"),
          F("Thousands of supporters", 1000, "count", "supporters", None, None, optional=True),
          F("more than 50,000", 50000, "count", "people", "more than", "Jamaat-e-Islami"),
          F("nearly 5,000 people", 5000, "count", "people", "nearly", "police"),
          F("more than 50,000 people", 50000, "count", "people", "more than", "Saleem Akhtar"),
          F("some 70 percent", 70, "percent", "shops", "some", "Karachi Traders Alliance"),
          F("Rs 2 billion", 2e9, "PKR", "sales", None, "Javed Shams"),
          F("Rs 300 billion", 3e11, "PKR", None, None, "Tariq Farooq"),
          F("14 days", 14, "days", None, None, None),
      ],
      stances=[
          S("more than 50,000 joined", "Jamaat-e-Islami", "assert", optional=True),
          S("the party would not end the sit-in until the government withdrew the increase and ordered "
            "an audit of independent power producers", "Hafiz Naeem-ur-Rehman", "assert"),
          S("People are paying more for electricity than for food. This is not a bill, it is a robbery",
            "Hafiz Naeem-ur-Rehman", "assert"),
          S("the size of the crowd at nearly 5,000 people", "police", "assert", optional=True),
          S("more than 50,000 people had joined the sit-in", "Saleem Akhtar", "assert"),
          S("the police of “deliberately shrinking” the numbers", "Saleem Akhtar", "accuse"),
          S("some 70 percent of shops in the city’s main markets remained closed",
            "Karachi Traders Alliance", "assert"),
          S("traders had lost Rs 2 billion in sales last month because of power cuts and high bills",
            "Javed Shams", "assert"),
          S("it was required under the IMF programme and that withdrawing it would cost the exchequer "
            "Rs 300 billion a year", "Tariq Farooq", "assert"),
          S("the minister’s argument", "Hafiz Naeem-ur-Rehman", "deny", optional=True),
          S("the government had “chosen to protect power producers instead of consumers.”",
            "Hafiz Naeem-ur-Rehman", "assert"),
          S("the party would march on Islamabad if talks with the government failed",
            "Hafiz Naeem-ur-Rehman", "warn"),
      ],
      claims=[
          C("The police put the size of the crowd at nearly 5,000 people.", "police", "assert", [
              X("JI spokesperson Saleem Akhtar said more than 50,000 people had joined the sit-in and "
                "accused the police of “deliberately shrinking” the numbers.", "Saleem Akhtar", "accuse")]),
          C("it was required under the IMF programme and that withdrawing it would cost the exchequer "
            "Rs 300 billion a year", "Tariq Farooq", "assert", [
              X("Rehman rejected the minister’s argument", "Hafiz Naeem-ur-Rehman", "deny")]),
      ],
      events=[
          V("PROTEST", "staged a sit-in outside the Governor House", "karachi-ji-sit-in", mode="demo",
            actor="Jamaat-e-Islami", ac="PK", place="Karachi", country="PK", date="2024-10-06"),
          V("PROTEST", "traders shut markets across the city", "karachi-traders-strike", mode="strike",
            actor="traders", ac="PK", place="Karachi", country="PK", date="2024-10-06"),
          V("PROTEST", "The police put the size of the crowd", "karachi-ji-sit-in", mode="demo",
            actor="Jamaat-e-Islami", ac="PK", place="Karachi", country="PK", date="2024-10-06", size=5000),
          V("PROTEST", "more than 50,000 people had joined the sit-in", "karachi-ji-sit-in", mode="demo",
            actor="Jamaat-e-Islami", ac="PK", place="Karachi", country="PK", date="2024-10-06", size=50000),
          V("ACCUSE", "accused the police of", "ji-accuses-police-crowd-count", mode="allege",
            actor="Saleem Akhtar", ac="PK", recipient="police"),
          V("REJECT", "Rehman rejected the minister’s argument", "ji-rejects-tariff-argument",
            actor="Hafiz Naeem-ur-Rehman", ac="PK", recipient="Tariq Farooq"),
          V("THREATEN", "He warned that the party would march on Islamabad", "ji-threatens-march",
            actor="Hafiz Naeem-ur-Rehman", ac="PK", recipient="government"),
          V("PROTEST", "a similar JI sit-in in Rawalpindi", "ji-rawalpindi-sit-in-2023", mode="demo",
            actor="Jamaat-e-Islami", ac="PK", place="Rawalpindi", country="PK", date="2023"),
          V("AGREE", "the government agreed to form a committee", "rawalpindi-tariff-committee-2023",
            actor="government", ac="PK", recipient="Jamaat-e-Islami", date="2023"),
      ]),

    A("Police arrest JI workers in Karachi as party vows long march to Islamabad", "2024-10-07",
      entities=[
          JI,
          E("Hafiz Naeem-ur-Rehman", "person", "hafiz-naeem-ur-rehman", aliases=["Naeem-ur-Rehman"],
            roles=["JI emir"], org="Jamaat-e-Islami", country="PK"),
          E("Nadeem Qureshi", "person", "nadeem-qureshi", roles=["Sindh Home Minister"], country="PK"),
          E("Rangers", "organization", "pakistan-rangers", aliases=["Paramilitary Rangers"], country="PK"),
          E("Pakistan Peoples Party", "organization", "pakistan-peoples-party", aliases=["PPP"],
            country="PK"),
          E("Asad Jamali", "person", "asad-jamali", roles=["PPP leader"], org="Pakistan Peoples Party",
            country="PK"),
      ],
      places=[
          P("KARACHI", "Karachi", "PK", "city", dateline=True),
          P("Sindh", "Sindh", "PK", "admin", optional=True),
          P("Islamabad", "Islamabad", "PK", "city"),
      ],
      dates=[
          D("Monday", "2024-10-07"),
          D("Monday", "2024-10-07", n=2),
          D("Friday, October 11", "2024-10-11"),
          D("Sunday", "2024-10-06"),
      ],
      figures=[
          F("more than 100", 100, "count", "workers", "more than", "Jamaat-e-Islami"),
          F("at least 37 Jamaat-e-Islami workers", 37, "count", "workers", "at least", "officials"),
          F("more than 100", 100, "count", "workers", "more than", "Jamaat-e-Islami", n=2),
          F("Eleven officers", 11, "count", "officers", None, "Nadeem Qureshi"),
          F("about 5,000 people", 5000, "count", "people", "about", "police"),
      ],
      stances=[
          S("those held attacked officers", "Nadeem Qureshi", "assert", optional=True),
          S("more than 100 of its workers were detained", "Jamaat-e-Islami", "assert", optional=True),
          S("Police arrested at least 37 Jamaat-e-Islami workers after clashes near the Governor House, "
            "where the party has been holding a sit-in against electricity prices", "officials", "assert"),
          S("more than 100 of its workers had been detained and that police had raided the homes of party "
            "officials in several parts of the city", "Jamaat-e-Islami", "assert"),
          S("anyone had been arrested for political activity", "Nadeem Qureshi", "deny"),
          S("Those detained attacked police officers with sticks and stones. Eleven officers were injured",
            "Nadeem Qureshi", "assert"),
          S("the arrests as “state terrorism”", "Hafiz Naeem-ur-Rehman", "condemn"),
          S("the party would begin a long march to Islamabad from Friday, October 11",
            "Hafiz Naeem-ur-Rehman", "assert"),
          S("You can arrest our workers, but you cannot arrest the anger of the people",
            "Hafiz Naeem-ur-Rehman", "assert"),
          S("drew about 5,000 people on Sunday", "police", "assert"),
          S("the JI was “exploiting public anger”", "Asad Jamali", "assert"),
          S("the provincial government to release workers who had not been charged with violence",
            "Asad Jamali", "urge"),
      ],
      claims=[
          C("Police arrested at least 37 Jamaat-e-Islami workers after clashes near the Governor House, "
            "where the party has been holding a sit-in against electricity prices, officials said on Monday.",
            "officials", "assert", [
                X("The JI said more than 100 of its workers had been detained and that police had raided "
                  "the homes of party officials in several parts of the city.", "Jamaat-e-Islami", "assert")]),
          C("The JI said more than 100 of its workers had been detained and that police had raided "
            "the homes of party officials in several parts of the city.", "Jamaat-e-Islami", "assert", [
                X("Sindh Home Minister Nadeem Qureshi denied that anyone had been arrested for political "
                  "activity.", "Nadeem Qureshi", "deny")]),
      ],
      events=[
          V("COERCE", "Police arrested at least 37 Jamaat-e-Islami workers", "karachi-ji-arrests",
            mode="arrest", actor="police", ac="PK", recipient="Jamaat-e-Islami workers", place="Karachi",
            country="PK", size=37),
          V("COERCE", "more than 100 of its workers had been detained", "karachi-ji-arrests",
            mode="arrest", actor="police", ac="PK", recipient="Jamaat-e-Islami workers", place="Karachi",
            country="PK", size=100),
          V("ASSAULT", "Those detained attacked police officers", "karachi-clashes-with-police",
            mode="primitive", actor="Jamaat-e-Islami workers", ac="PK", recipient="police officers",
            place="Karachi", country="PK"),
          V("MOBILIZE", "Paramilitary Rangers were deployed", "karachi-rangers-deployed", mode="troops",
            actor="Rangers", ac="PK", place="Karachi", country="PK", date="2024-10-07"),
          V("ACCUSE", "condemned the arrests", "ji-condemns-arrests", mode="disapprove",
            actor="Hafiz Naeem-ur-Rehman", ac="PK", recipient="government"),
          V("PROTEST", "The sit-in, which police said drew about 5,000 people", "karachi-ji-sit-in",
            mode="demo", actor="Jamaat-e-Islami", ac="PK", place="Karachi", country="PK",
            date="2024-10-06", size=5000),
          V("ACCUSE", "the JI was “exploiting public anger”", "ppp-criticises-ji", mode="disapprove",
            actor="Asad Jamali", ac="PK", recipient="Jamaat-e-Islami"),
          V("REQUEST", "urged the provincial government to release workers", "ppp-urges-release-of-workers",
            mode="yield", actor="Asad Jamali", ac="PK", recipient="provincial government"),
      ]),
]
