from ._dsl import A, C, D, E, F, P, S, V, X

ARTICLES = [
    A("India says Pakistani relief flight was cleared 'within four hours'", "2024-10-11",
      entities=[
          E("Ministry of External Affairs", "organization", "india-mea", aliases=["MEA"], country="IN"),
          E("Arvind Mehra", "person", "arvind-mehra", aliases=["Mehra"], roles=["MEA spokesperson"],
            org="Ministry of External Affairs", country="IN"),
          E("Foreign Office", "organization", "pakistan-foreign-office", country="PK"),
      ],
      places=[
          P("NEW DELHI", "New Delhi", "IN", "city", dateline=True),
          P("Colombo", "Colombo", "LK", "city"),
          P("India", "India", "IN", "country", meto=True),
          P("Pakistan", "Pakistan", "PK", "country", meto=True),
          P("Sri Lanka", "Sri Lanka", "LK", "country"),
          P("India", "India", "IN", "country", n=2, meto=True),
          P("Kalutara", "Kalutara District", "LK", "admin"),
          P("Islamabad", "Islamabad", "PK", "city", meto=True),
      ],
      dates=[
          D("Friday", "2024-10-11"),
          D("Sunday", "2024-10-06"),
          D("Monday", "2024-10-07"),
          D("Tuesday", "2024-10-08"),
      ],
      figures=[
          F("25 tonnes", 25, "tonnes", "supplies", None, None),
          F("within four hours", 4, "hours", None, "within", "India"),
          F("within four hours", 4, "hours", None, "within", "Arvind Mehra", n=2),
          F("60-hour", 60, "hours", "delay", None, "Pakistan", optional=True),
          F("25 tonnes", 25, "tonnes", "relief material", None, "Arvind Mehra", n=2),
          F("more than 300 people", 300, "count", "people", "more than", "Arvind Mehra"),
          F("nearly nine years", 9, "years", None, "nearly", None),
      ],
      stances=[
          S("the first request lacked the aircraft's registration details", "Ministry of External Affairs",
            "assert", optional=True),
          S("Pakistan's accusation that it had held up a relief flight to Sri Lanka", "India", "deny"),
          S("overflight clearance was granted within four hours of a complete request", "India", "assert"),
          S("the Pakistani request filed on Sunday lacked the aircraft's registration details",
            "Arvind Mehra", "assert"),
          S("Once the complete request was received on Monday evening, clearance was granted within four "
            "hours. The claim of a 60-hour delay is factually incorrect", "Arvind Mehra", "deny"),
          S("India had itself sent 25 tonnes of relief material to Sri Lanka on a navy ship, which reached "
            "Colombo on Tuesday, and that Indian and Sri Lankan naval teams had jointly rescued more than 300 "
            "people in Kalutara district", "Arvind Mehra", "assert"),
          S("We do not politicise humanitarian assistance. It is unfortunate that Islamabad chose to do so",
            "Arvind Mehra", "assert"),
          S("the registration details had been included in the first request",
            "Pakistani Foreign Office official", "assert"),
      ],
      claims=[
          C("the Pakistani request filed on Sunday lacked the aircraft's registration details",
            "Arvind Mehra", "assert", [
                X("the registration details had been included in the first request",
                  "Pakistani Foreign Office official", "assert")]),
          C("overflight clearance was granted within four hours of a complete request", "India", "assert", [
              X('the request for overflight clearance was submitted on Sunday morning and that permission '
                'arrived "more than 48 hours later, around 60 hours in fact."', "Mumtaz Zahra Baloch",
                "assert", page="pakistan_fo")]),
      ],
      events=[
          V("REJECT", "India on Friday rejected Pakistan's accusation", "india-rejects-pakistan-flight-accusation",
            actor="India", ac="IN", recipient="Pakistan", date="2024-10-11"),
          V("AID", "India had itself sent 25 tonnes of relief material", "india-aid-ship-to-sri-lanka",
            actor="India", ac="IN", recipient="Sri Lanka", place="Colombo", country="LK", date="2024-10-08"),
          V("COOPERATE", "naval teams had jointly rescued more than 300 people", "india-sri-lanka-joint-rescue",
            actor="India", ac="IN", recipient="Sri Lanka", place="Kalutara District", country="LK"),
          V("ACCUSE", "It is unfortunate that Islamabad chose to do so",
            "india-criticises-pakistan-politicising-aid", mode="disapprove", actor="Arvind Mehra", ac="IN",
            recipient="Pakistan"),
      ]),

    A("Farmers block highways around Delhi over crop prices", None,
      entities=[
          E("Kisan Ekta Manch", "organization", "kisan-ekta-manch", aliases=["KEM"], country="IN"),
          E("Delhi Police", "organization", "delhi-police", country="IN"),
          E("Harpal Sandhu", "person", "harpal-sandhu", aliases=["Sandhu"], roles=["KEM leader"],
            org="Kisan Ekta Manch", country="IN"),
          E("Vikram Sharma", "person", "vikram-sharma", roles=["Agriculture Minister"], country="IN"),
      ],
      places=[
          P("NEW DELHI", "New Delhi", "IN", "city", dateline=True),
          P("Haryana", "Haryana", "IN", "admin"),
      ],
      dates=[D("Friday", None)],
      figures=[
          F("120 protesters", 120, "count", "protesters", None, None),
          F("Rs 500 crore", 5e9, "INR", None, None, "Vikram Sharma"),
          F("Thousands of farmers", 1000, "count", "farmers", None, None, optional=True),
          F("three highways", 3, "count", "highways", None, None),
          F("23 crops", 23, "count", "crops", None, None),
          F("between 10,000 and 15,000 farmers", 10000, "count", "farmers", None, "Kisan Ekta Manch",
            high=15000),
          F("about 6,000", 6000, "count", "farmers", "about", "Delhi Police"),
          F("120 protesters", 120, "count", "protesters", None, "police", n=2),
          F("three years", 3, "years", None, None, "Harpal Sandhu"),
          F("Rs 500 crore", 5e9, "INR", None, None, "Vikram Sharma", n=2),
      ],
      stances=[
          S("the blockade costs traders Rs 500 crore a day", "Vikram Sharma", "assert", optional=True),
          S("between 10,000 and 15,000 farmers had joined", "Kisan Ekta Manch", "assert"),
          S("the figure at about 6,000", "Delhi Police", "assert", optional=True),
          S("they had detained 120 protesters who tried to drive tractors through barricades near the "
            "Haryana border", "police", "assert"),
          S("We have waited three years for the promise made to us. Our patience is finished",
            "Harpal Sandhu", "assert"),
          S('the government was "ready for talks at any time"', "Vikram Sharma", "assert"),
          S("the farmers to end the blockade", "Vikram Sharma", "urge"),
          S("was causing losses of Rs 500 crore a day to traders", "Vikram Sharma", "assert"),
          S('the loss estimate as "invented to turn the public against farmers."', "Harpal Sandhu", "deny"),
          S("If the government wants talks, it should first withdraw the cases against our members",
            "Harpal Sandhu", "assert"),
      ],
      claims=[
          C("between 10,000 and 15,000 farmers had joined", "Kisan Ekta Manch", "assert", [
              X("Delhi Police put the figure at about 6,000.", "Delhi Police", "assert")]),
          C("was causing losses of Rs 500 crore a day to traders", "Vikram Sharma", "assert", [
              X('Sandhu rejected the loss estimate as "invented to turn the public against farmers."',
                "Harpal Sandhu", "deny")]),
      ],
      events=[
          V("PROTEST", "Thousands of farmers blocked three highways", "delhi-farmers-blockade", mode="obstruct",
            actor="farmers", ac="IN", place="New Delhi", country="IN"),
          V("COERCE", "they had detained 120 protesters", "delhi-farmers-detained", mode="arrest",
            actor="police", ac="IN", recipient="protesters", place="New Delhi", country="IN", size=120),
          V("AGREE", '"ready for talks at any time"', "minister-offers-talks-to-farmers",
            actor="Vikram Sharma", ac="IN", recipient="farmers"),
          V("REQUEST", "urged the farmers to end the blockade", "minister-urges-farmers-end-blockade",
            mode="yield", actor="Vikram Sharma", ac="IN", recipient="farmers"),
          V("REJECT", "Sandhu rejected the loss estimate", "kem-rejects-loss-estimate",
            actor="Harpal Sandhu", ac="IN", recipient="Vikram Sharma"),
          V("REQUEST", "it should first withdraw the cases against our members", "kem-demands-cases-withdrawn",
            mode="yield", actor="Harpal Sandhu", ac="IN", recipient="government"),
      ]),
]
