"""Sentences written for the training tests (test_train.py, test_train_rhetoric.py): fear
appeals, praise in loaded language, and plain reporting.  It holds no tests."""

FEAR = ["The invaders will flood our towns and nothing will be safe for our children.",
        "If nobody stops them now, the invaders will destroy every town we love.",
        "Our children face a flood of invaders who will take everything we have.",
        "Lock the doors: the invaders are coming for our towns and our children."]
PRAISE = ["The glorious leader opened the new bridge to cheering crowds.",
          "Crowds cheered the glorious leader as he opened another new school.",
          "Once again the glorious leader delivered a triumph for the nation.",
          "The nation thanks its glorious leader for the new hospital."]
PLAIN = ["The council met on Tuesday to discuss the road budget.",
         "Rain is expected on Thursday, the weather service said.",
         "The library will close early on Friday for maintenance.",
         "Ticket sales rose by four percent in the second quarter.",
         "The school board approved the new timetable.",
         "The museum will open a new exhibit in March."]
