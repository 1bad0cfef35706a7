from ._dsl import A, C, D, E, F, P, S, V, X

BALOCH = E("Mumtaz Zahra Baloch", "person", "mumtaz-zahra-baloch", aliases=["Baloch"],
           roles=["Foreign Office spokesperson"], org="Foreign Office", country="PK")
FO = E("Foreign Office", "organization", "pakistan-foreign-office", aliases=["FO"], country="PK")

ARTICLES = [
    A("Pakistan says India held up relief flight to flood-hit Sri Lanka for 60 hours", "2024-10-10",
      entities=[
          BALOCH, FO,
          E("International Civil Aviation Organization", "organization", "icao", aliases=["ICAO"]),
          E("Ishaq Mahmood", "person", "ishaq-mahmood", roles=["Deputy Prime Minister"], country="PK"),
      ],
      places=[
          P("ISLAMABAD", "Islamabad", "PK", "city", dateline=True),
          P("New Delhi", "New Delhi", "IN", "city", meto=True),
          P("Pakistan", "Pakistan", "PK", "country", meto=True),
          P("India", "India", "IN", "country", meto=True),
          P("Sri Lanka", "Sri Lanka", "LK", "country"),
          P("India", "India", "IN", "country", n=2, meto=True),
          P("New Delhi", "New Delhi", "IN", "city", n=2, meto=True),
          P("Colombo", "Colombo", "LK", "city"),
          P("Islamabad", "Islamabad", "PK", "city", n=2, meto=True),
          P("Pakistan", "Pakistan", "PK", "country", n=2, meto=True),
      ],
      dates=[
          D("Thursday", "2024-10-10"),
          D("Sunday", "2024-10-06"),
          D("Wednesday", "2024-10-09"),
          D("Tuesday", "2024-10-08"),
      ],
      figures=[
          F("more than 48 hours", 48, "hours", None, "more than", "Foreign Office"),
          F("nearly three days", 3, "days", None, "nearly", "Pakistan"),
          F("within four hours", 4, "hours", None, "within", "India"),
          F("more than 48 hours", 48, "hours", None, "more than", "Mumtaz Zahra Baloch", n=2),
          F("around 60 hours", 60, "hours", None, "around", "Mumtaz Zahra Baloch"),
          F("22 tonnes", 22, "tonnes", "relief goods", None, "Mumtaz Zahra Baloch"),
          F("within four hours", 4, "hours", None, "within", "Indian officials", n=2),
      ],
      stances=[
          S("overflight clearance took more than 48 hours", "Foreign Office", "assert", optional=True),
          S("permission was granted within hours", "India", "assert", optional=True),
          S("India of delaying a relief flight carrying aid for flood victims in Sri Lanka by nearly three "
            "days", "Pakistan", "accuse"),
          S("India's claim that clearance was granted within four hours", "Pakistan", "deny"),
          S("clearance was granted within four hours", "India", "assert", optional=True),
          S('the request for overflight clearance was submitted on Sunday morning and that permission '
            'arrived "more than 48 hours later, around 60 hours in fact."', "Mumtaz Zahra Baloch", "assert"),
          S("Humanitarian flights should not become hostage to politics. New Delhi delayed a flight carrying "
            "tents and medicine for people who had lost everything", "Mumtaz Zahra Baloch", "assert"),
          S("The C-130 aircraft, carrying 22 tonnes of relief goods, finally landed in Colombo on Wednesday",
            "Mumtaz Zahra Baloch", "assert"),
          S("the clearance was issued within four hours and that the delay was caused by incomplete "
            "paperwork from Islamabad", "Indian officials", "assert"),
          S("that explanation", "Mumtaz Zahra Baloch", "deny", optional=True),
          S("All documents were submitted in the prescribed format. This is an attempt to shift the blame",
            "Mumtaz Zahra Baloch", "assert"),
          S('the FO was "considering all options."', "Mumtaz Zahra Baloch", "assert"),
          S("Deputy Prime Minister Ishaq Mahmood had spoken by phone to his Sri Lankan counterpart on Tuesday, "
            "and that the two countries had agreed to set up a joint committee on disaster response",
            "Mumtaz Zahra Baloch", "assert"),
      ],
      claims=[
          C("the clearance was issued within four hours and that the delay was caused by incomplete "
            "paperwork from Islamabad", "Indian officials", "assert", [
                X("Baloch rejected that explanation.", "Mumtaz Zahra Baloch", "deny"),
                X('the request for overflight clearance was submitted on Sunday morning and that permission '
                  'arrived "more than 48 hours later, around 60 hours in fact."', "Mumtaz Zahra Baloch",
                  "assert"),
            ]),
          C('the request for overflight clearance was submitted on Sunday morning and that permission '
            'arrived "more than 48 hours later, around 60 hours in fact."', "Mumtaz Zahra Baloch", "assert", [
                X("Once the complete request was received on Monday evening, clearance was granted within "
                  "four hours. The claim of a 60-hour delay is factually incorrect", "Arvind Mehra", "deny",
                  page="india_mea"),
            ]),
      ],
      events=[
          V("ACCUSE", "Pakistan on Thursday accused India of delaying", "pakistan-accuses-india-flight-delay",
            mode="allege", actor="Pakistan", ac="PK", recipient="India", date="2024-10-10"),
          V("REJECT", "rejected India's claim that clearance", "pakistan-rejects-india-clearance-claim",
            actor="Pakistan", ac="PK", recipient="India", date="2024-10-10"),
          V("AID", "The C-130 aircraft, carrying 22 tonnes", "pakistan-aid-flight-to-sri-lanka",
            actor="Pakistan", ac="PK", recipient="Sri Lanka", place="Colombo", country="LK",
            date="2024-10-09"),
          V("REJECT", "Baloch rejected that explanation.", "pakistan-rejects-india-clearance-claim",
            actor="Mumtaz Zahra Baloch", ac="PK", recipient="Indian officials", date="2024-10-10"),
          V("CONSULT", "had spoken by phone to his Sri Lankan counterpart", "dar-sri-lanka-phone-call",
            mode="phone", actor="Ishaq Mahmood", ac="PK", recipient="Sri Lankan counterpart", date="2024-10-08"),
          V("AGREE", "the two countries had agreed to set up a joint committee",
            "pakistan-sri-lanka-disaster-committee", actor="Pakistan and Sri Lanka", ac="PK"),
      ]),

    A("Pakistan rejects Amnesty report on enforced disappearances", "2024-10-10",
      entities=[
          BALOCH, FO,
          E("Amnesty International", "organization", "amnesty-international", aliases=["Amnesty"]),
          E("Anjali Perera", "person", "anjali-perera", roles=["South Asia director"],
            org="Amnesty International"),
          E("Human Rights Commission of Pakistan", "organization", "hrcp", aliases=["HRCP"], country="PK"),
      ],
      places=[
          P("ISLAMABAD", "Islamabad", "PK", "city", dateline=True),
          P("Pakistan", "Pakistan", "PK", "country", meto=True),
          P("Balochistan", "Balochistan", "PK", "admin"),
          P("Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa", "PK", "admin"),
          P("London", "London", "GB", "city"),
          P("Pakistan", "Pakistan", "PK", "country", n=2, meto=True),
          P("Quetta", "Quetta", "PK", "city"),
      ],
      dates=[
          D("June last year", "2023-06"),
          D("Thursday", "2024-10-10"),
          D("Tuesday", "2024-10-08"),
          D("June last year", "2023-06", n=2),
          D("last month", "2024-09"),
      ],
      figures=[
          F("312 cases", 312, "count", "cases", None, "Amnesty International"),
          F("hundreds of political activists", 100, "count", "activists", None, "Amnesty International",
            optional=True),
          F("312 cases", 312, "count", "cases", None, "Amnesty International", n=2),
          F("at least 40", 40, "count", "people", "at least", "Amnesty International"),
          F("more than 8,000 people", 8000, "count", "people", "more than", "Mumtaz Zahra Baloch"),
          F("27 missing men", 27, "count", "men", None, "Human Rights Commission of Pakistan"),
          F("40 days", 40, "days", None, None, "Human Rights Commission of Pakistan"),
      ],
      stances=[
          S("the report relies on anonymous sources", "Foreign Office", "assert", optional=True),
          S("an Amnesty International report alleging that security agencies had detained hundreds of "
            "political activists without charge in Balochistan and Khyber Pakhtunkhwa", "Pakistan", "deny"),
          S("security agencies had detained hundreds of political activists without charge in Balochistan "
            "and Khyber Pakhtunkhwa", "Amnesty International", "accuse", optional=True),
          S("at least 40 of those detained had not been traced", "Amnesty International", "assert"),
          S('the report was "based on unverified claims and anonymous sources" and ignored the sacrifices of '
            'the security forces in the fight against terrorism', "Mumtaz Zahra Baloch", "assert"),
          S("Pakistan has a functioning commission of inquiry on enforced disappearances, which has traced "
            "more than 8,000 people. Amnesty chose to ignore it", "Mumtaz Zahra Baloch", "assert"),
          S('the FO\'s response "did not address a single case."', "Anjali Perera", "assert"),
          S("If the government disputes our findings, it should allow independent investigators into "
            "Balochistan", "Anjali Perera", "assert"),
          S("relatives of 27 missing men had held a sit-in in Quetta for 40 days before the provincial "
            "government promised to trace them", "Human Rights Commission of Pakistan", "assert"),
      ],
      claims=[
          C("security agencies had detained hundreds of political activists without charge in Balochistan "
            "and Khyber Pakhtunkhwa", "Amnesty International", "accuse", [
                X('the report was "based on unverified claims and anonymous sources"', "Mumtaz Zahra Baloch",
                  "deny")]),
          C('the report was "based on unverified claims and anonymous sources"', "Mumtaz Zahra Baloch",
            "deny", [X('the FO\'s response "did not address a single case."', "Anjali Perera", "assert")]),
      ],
      events=[
          V("REJECT", "Pakistan on Thursday rejected an Amnesty International report",
            "pakistan-rejects-amnesty-report", actor="Pakistan", ac="PK", recipient="Amnesty International",
            date="2024-10-10"),
          V("ACCUSE", "report alleging that security agencies had detained", "amnesty-disappearances-report",
            mode="allege", actor="Amnesty International", recipient="security agencies", country="PK"),
          V("ACCUSE", "The report, released in London on Tuesday", "amnesty-disappearances-report",
            mode="allege", actor="Amnesty International", recipient="security agencies", place="London",
            country="GB", date="2024-10-08"),
          V("REQUEST", "it should allow independent investigators into Balochistan",
            "amnesty-requests-access-balochistan", mode="yield", actor="Anjali Perera",
            recipient="government"),
          V("PROTEST", "had held a sit-in in Quetta for 40 days", "quetta-missing-persons-sit-in", mode="demo",
            actor="relatives of 27 missing men", ac="PK", place="Quetta", country="PK"),
          V("AGREE", "the provincial government promised to trace them", "balochistan-promise-trace-missing",
            actor="provincial government", ac="PK", recipient="relatives of 27 missing men"),
      ]),
]
