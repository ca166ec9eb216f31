"""The demo catalogue: topics and short, genuine learning resources for union members.

Link resources point at public pages (gov.uk, acas.org.uk); nothing is loaded from them when a
page is shown: the resource page only links out.
"""

TOPICS = [
    ("organising", "Organising", "Trefnu"),
    ("health-and-safety", "Health and safety", "Iechyd a diogelwch"),
    ("digital-skills", "Digital skills", "Sgiliau digidol"),
    ("english-and-maths", "English and maths", "Saesneg a mathemateg"),
    ("union-learning-reps", "Union learning reps", "Cynrychiolwyr dysgu’r undeb"),
    ("equality", "Equality", "Cydraddoldeb"),
]

# (title, kind, topic slugs, level, minutes, language, audiences, summary, body, url)
RESOURCES = [
    ("What a union learning rep does", "page", ["union-learning-reps"], "entry", 10, "en",
     ["members", "ulrs"],
     "Union learning reps help colleagues find learning, from basic skills to qualifications.",
     "<p>A union learning rep (ULR) is a colleague trained by the union to help people at work "
     "get into learning. They listen first: what you want to do, what got in the way before, "
     "and how much time you have.</p><h2>What a ULR can do for you</h2><ul><li>Talk through "
     "what you would like to learn, in confidence.</li><li>Arrange a skills check for English, "
     "maths or digital skills.</li><li>Find a course that fits your shifts, and help you apply."
     "</li><li>Talk to the employer about time off and learning agreements.</li></ul>"
     "<p>You do not have to be good at exams to talk to a ULR. Many ULRs came back to learning "
     "late themselves.</p>", ""),
    ("Your right to time off for union learning", "link", ["union-learning-reps"], "beginner",
     15, "en", ["ulrs", "activists"],
     "What the law says about paid time off for union learning reps, and how to ask for it.",
     "<p>Union learning reps have a legal right to reasonable paid time off to carry out their "
     "duties and to train for the role. Acas publishes the Code of Practice that sets out what "
     "is reasonable. Read it before you ask, and put your request in writing.</p>",
     "https://www.acas.org.uk/acas-code-of-practice-on-time-off-for-trade-union-duties-and-activities"),
    ("Writing a good email to your manager", "page", ["english-and-maths", "digital-skills"],
     "entry", 15, "en", ["members"],
     "Say what you need in the first line, keep it short and end with a clear question.",
     "<p>A good email gets a quick answer. Before you write, decide the one thing you want.</p>"
     "<h2>Five steps</h2><ol><li>Write a subject that says what it is about: "
     "<em>Request: shift swap on 14 March</em>.</li><li>Put the request in the first line.</li>"
     "<li>Give the reason in one or two sentences.</li><li>End with a question: <em>Can you "
     "let me know by Friday?</em></li><li>Read it aloud before you send it.</li></ol>"
     "<p>Keep a copy. If the answer matters, you may need it later.</p>", ""),
    ("Fractions and percentages at work", "page", ["english-and-maths"], "entry", 20, "en",
     ["members"],
     "Work out a pay rise, a discount or overtime with three simple methods.",
     "<p>Percentages are fractions of 100. 10% is one tenth; 50% is a half; 25% is a quarter.</p>"
     "<h2>Worked example: a pay offer</h2><p>You earn £12.00 an hour and the offer is 4%. "
     "Find 1% by dividing by 100: £0.12. Multiply by 4: £0.48. The new rate is £12.48.</p>"
     "<h2>Try it</h2><ul><li>What is 10% of £350?</li><li>What is 3% of £24,000?</li></ul>"
     "<p>Answers: £35 and £720.</p>", ""),
    ("Spotting a stress risk at work", "page", ["health-and-safety"], "beginner", 15, "en",
     ["members", "activists"],
     "Stress is a health and safety issue. Learn the six areas the HSE asks employers to manage.",
     "<p>Employers must assess the risk of work-related stress, as they do any other hazard. "
     "The Health and Safety Executive's Management Standards look at six areas:</p><ul>"
     "<li>Demands: workload and the work environment.</li><li>Control: how much say people "
     "have.</li><li>Support from managers and colleagues.</li><li>Relationships, including "
     "bullying.</li><li>Role: whether people understand it.</li><li>Change: how it is managed "
     "and communicated.</li></ul><p>If several colleagues raise the same problem, it is a "
     "collective issue: talk to your safety rep.</p>", ""),
    ("Organising: the one-to-one conversation", "page", ["organising"], "intermediate", 25,
     "en", ["activists"],
     "The conversation that builds a union: listen more than you talk, and ask people to act.",
     "<p>Leaflets inform; conversations organise. A good one-to-one follows a simple shape.</p>"
     "<ol><li><strong>Introduce</strong> yourself and why you are talking.</li><li><strong>Ask"
     "</strong> what they care about at work, and listen for two-thirds of the time.</li><li>"
     "<strong>Agitate</strong>: who decides this, and how does it affect them?</li><li><strong>"
     "Hope</strong>: share what changed when people acted together.</li><li><strong>Ask</strong> "
     "for a specific step: join, sign, come to a meeting.</li></ol><p>Write down what they "
     "said and follow up within a week.</p>", ""),
    ("Health and safety at work: the basics", "link", ["health-and-safety"], "entry", 10, "en",
     ["members"],
     "Your employer's duties and yours, explained by the Health and Safety Executive.",
     "<p>A plain introduction from the HSE to what employers must do and how workers are "
     "consulted.</p>", "https://www.hse.gov.uk/simple-health-safety/index.htm"),
    ("Flexible working: how to make a request", "link", ["equality"], "beginner", 15, "en",
     ["members"],
     "Everyone can ask for flexible working from their first day in a job.",
     "<p>GOV.UK explains who can apply, what to put in the request and how long the employer "
     "has to answer.</p>", "https://www.gov.uk/flexible-working"),
    ("Staying safe online: passwords and scams", "page", ["digital-skills"], "entry", 15, "en",
     ["members"],
     "Three habits that stop most online scams.",
     "<ul><li>Use a different password for your email account, and turn on two-step "
     "verification.</li><li>Do not click links in messages that rush you. Go to the website "
     "yourself.</li><li>Nobody genuine asks for your full password or a code sent to your "
     "phone.</li></ul><p>If you clicked something, change the password at once and tell "
     "someone.</p>", ""),
    ("Equality Act 2010: what counts as discrimination", "link", ["equality"], "intermediate",
     45, "en", ["activists", "staff"],
     "The protected characteristics and the kinds of discrimination the Act covers.",
     "<p>Acas guidance on direct and indirect discrimination, harassment and victimisation, "
     "with examples from work.</p>",
     "https://www.acas.org.uk/discrimination-and-the-law"),
    ("Beth mae cynrychiolydd dysgu’r undeb yn ei wneud", "page", ["union-learning-reps"],
     "entry", 10, "cy", ["members", "ulrs"],
     "Mae cynrychiolwyr dysgu’r undeb yn helpu cydweithwyr i ddod o hyd i ddysgu.",
     "<p>Mae cynrychiolydd dysgu’r undeb yn gydweithiwr sydd wedi’i hyfforddi gan yr undeb i "
     "helpu pobl yn y gwaith i ddechrau dysgu. Maen nhw’n gwrando yn gyntaf: beth hoffech chi "
     "ei wneud, a faint o amser sydd gennych.</p><ul><li>Sgwrs gyfrinachol am eich nodau.</li>"
     "<li>Gwiriad sgiliau Saesneg, Cymraeg, mathemateg neu ddigidol.</li><li>Help i ddod o "
     "hyd i gwrs sy’n addas i’ch shifftiau.</li></ul>", ""),
    ("Sgwrs un-i-un: trefnu yn y gweithle", "page", ["organising"], "intermediate", 20, "cy",
     ["activists"],
     "Y sgwrs sy’n adeiladu undeb: gwrando mwy na siarad, a gofyn i bobl weithredu.",
     "<ol><li>Cyflwyno eich hun.</li><li>Gofyn beth sy’n bwysig iddyn nhw yn y gwaith, a "
     "gwrando.</li><li>Pwy sy’n penderfynu, a sut mae’n effeithio arnyn nhw?</li><li>Rhannu "
     "beth newidiodd pan weithredodd pobl gyda’i gilydd.</li><li>Gofyn am gam penodol.</li>"
     "</ol>", ""),
    ("Straen yn y gwaith: canllaw i aelodau", "link", ["health-and-safety"], "beginner", 90,
     "cy", ["members"],
     "Canllawiau’r HSE ar straen sy’n gysylltiedig â gwaith.",
     "<p>Mae’r Awdurdod Gweithredol Iechyd a Diogelwch yn esbonio dyletswyddau cyflogwyr a "
     "sut i godi pryder.</p>", "https://www.hse.gov.uk/stress/"),
]  # fmt: skip
