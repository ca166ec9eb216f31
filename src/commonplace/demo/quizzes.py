"""The demo union's quizzes: real content for members, one question of every kind and more.

Each question is (kind, text, explanation, answer): for single and multiple choice a list of
(text, is_correct); for true or false a bool; for short text the accepted answers; for matching
(text, match_text) pairs; for ordering the items in their right order.
"""

RIGHTS_AT_WORK = {
    "title": "Your rights at work: the basics",
    "slug": "rights-at-work-basics",
    # The topics its catalogue tile is filed under (decision 0250).
    "topics": ["organising", "union-learning-reps"],
    "introduction": (
        "Eight questions on the rights that union reps and members have at work: time off for "
        "union duties, being accompanied, union learning reps and health and safety reps. It "
        "takes about a quarter of an hour. You see the right answers, and why, at the end."
    ),
    "pass_mark": 75,
    "questions": [
        (
            "single",
            "How much paid time off must an employer allow an accredited union rep for union "
            "duties?",
            "The law (the Trade Union and Labour Relations (Consolidation) Act 1992) gives union "
            "officials reasonable paid time off for their duties; the Acas Code of Practice "
            "explains what is reasonable.",
            [
                ("Reasonable paid time off", True),
                ("None: reps must use their annual leave", False),
                ("Exactly one day a month", False),
            ],
        ),
        (
            "true_false",
            "You have a legal right to be accompanied by a union rep or a colleague at a "
            "disciplinary or grievance hearing.",
            "The Employment Relations Act 1999 (section 10) gives every worker this right, "
            "whether or not the union is recognised.",
            True,
        ),
        (
            "multiple",
            "Which of these are things a union learning rep (ULR) has a right to paid time off "
            "for? Select all that apply.",
            "ULRs have paid time off to analyse learning needs, give information and advice "
            "about learning, arrange and promote learning, and consult the employer about it. "
            "Negotiating pay is for other reps.",
            [
                ("Analysing members' learning or training needs", True),
                ("Giving information and advice about learning", True),
                ("Arranging and promoting learning", True),
                ("Negotiating the annual pay rise", False),
            ],
        ),
        (
            "short_text",
            "In which year did the Employment Act give union learning reps their statutory "
            "rights? Type the year.",
            "The Employment Act 2002 gave ULRs the right to paid time off for their duties and "
            "for training, from 2003.",
            ["2002"],
        ),
        (
            "matching",
            "Match each right to the law that gives it.",
            "Health and safety reps' rights come from the 1977 Regulations; ULRs' from the "
            "Employment Act 2002; the right to be accompanied from the Employment Relations Act "
            "1999.",
            [
                (
                    "Health and safety reps inspect the workplace",
                    "Safety Representatives and Safety Committees Regulations 1977",
                ),
                ("Union learning reps have paid time off", "Employment Act 2002"),
                ("Being accompanied at a hearing", "Employment Relations Act 1999"),
            ],
        ),
        (
            "ordering",
            "Put the usual steps of raising a grievance in order.",
            "Most problems are best tried informally first. The Acas Code then expects a "
            "written grievance, a meeting (where you may be accompanied) and a right of appeal.",
            [
                "Talk to your manager informally",
                "Put your grievance in writing",
                "Go to the grievance meeting with your rep",
                "Appeal if you are not satisfied with the outcome",
            ],
        ),
        (
            "single",
            "Where the union is recognised, who appoints the health and safety representatives?",
            "Under the 1977 Regulations the recognised union appoints safety reps; the employer "
            "must consult them and give them time off.",
            [
                ("The recognised trade union", True),
                ("The employer", False),
                ("The Health and Safety Executive", False),
            ],
        ),
        (
            "true_false",
            "Your employer can choose which union rep comes with you to a grievance hearing.",
            "You choose your companion: a union rep (a trained, certified official) or a "
            "colleague. The employer cannot choose for you.",
            False,
        ),
        (
            "multiple",
            "Which of these may a health and safety rep do? Select all that apply.",
            "Safety reps may inspect the workplace, investigate hazards and complaints, be "
            "consulted on changes, and have paid time off to train. They cannot fine anyone.",
            [
                ("Inspect the workplace", True),
                ("Be consulted on changes that affect health and safety", True),
                ("Take paid time off for training", True),
                ("Fine the employer for a breach", False),
            ],
        ),
    ],
}

STAYING_SAFE_ONLINE = {
    "title": "Digital skills check: staying safe online",
    "slug": "staying-safe-online",
    "topics": ["digital-skills"],
    "introduction": (
        "Eight questions on spotting scams, choosing passwords and two-factor authentication. "
        "Use it to check your own skills, or with a union learning rep before a course."
    ),
    "pass_mark": 70,
    "questions": [
        (
            "multiple",
            "Which of these are warning signs of a phishing email? Select all that apply.",
            "Scammers rush you, disguise the sender and push you to a link or attachment. "
            "If in doubt, contact the organisation another way.",
            [
                ("It says your account will be closed unless you act today", True),
                ("The sender's address does not match the organisation's name", True),
                ("It asks you to log in through a link in the email", True),
                ("It is a meeting reminder you set up yourself", False),
            ],
        ),
        (
            "single",
            "Which of these is the strongest password?",
            "The National Cyber Security Centre recommends three random words: long, easy to "
            "remember and hard to guess.",
            [
                ("Three random words, like CoffeeTrainPurple", True),
                ("Your child's name and year of birth", False),
                ("Password123!", False),
            ],
        ),
        (
            "true_false",
            "If a password is strong, it is safe to use it for both your email and your union "
            "account.",
            "If one site leaks it, criminals try it everywhere. Use a different password for "
            "each account, and above all for your email.",
            False,
        ),
        (
            "short_text",
            "Type the usual three-character abbreviation for two-factor authentication.",
            "2FA (two-factor authentication) asks for something more than your password, such "
            "as a code from your phone.",
            ["2FA", "2-FA", "MFA"],
        ),
        (
            "matching",
            "Match each scam to how it reaches you.",
            "Phishing comes by email, smishing by text message (SMS) and vishing by voice call.",
            [
                ("Phishing", "An email"),
                ("Smishing", "A text message"),
                ("Vishing", "A phone call"),
            ],
        ),
        (
            "ordering",
            "You typed your password into a fake website. Put what to do in order.",
            "Secure the account first, then protect it for the future, then report the scam "
            "so others are warned (forward scam emails to report@phishing.gov.uk).",
            [
                "Change that password straight away",
                "Turn on two-factor authentication for the account",
                "Report the scam message",
            ],
        ),
        (
            "single",
            "Which of these makes the best second factor?",
            "A code from an authenticator app proves you have your phone; a second password or "
            "a memorable answer can be guessed or stolen like the first.",
            [
                ("A code from an authenticator app on your phone", True),
                ("Your mother's maiden name", False),
                ("A second password", False),
            ],
        ),
        (
            "true_false",
            "Your bank will never ask for your full PIN or password by email or text message.",
            "Banks never ask for these by email or text. Anyone who does is a scammer.",
            True,
        ),
    ],
}

DEMO_QUIZZES = [RIGHTS_AT_WORK, STAYING_SAFE_ONLINE]
