"""The public sources the domain guide cites, one record each.

A page cites a source with the ``:source:`` role and its key (``:source:`S1```); the
``source-list`` directive prints this register on :doc:`/domain/sources`. An unknown
key fails the build.

Keys follow one scheme: ``S`` press releases and pages about the Collaborative Reform
Initiative, ``G`` grant programs and statute, ``I`` identifiers, ``A`` agency categories,
``D`` data formats and real data files. A GitHub source names its repository and the
path(s) read, and the commit where one was recorded.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    """One public source: a page (or a few copies of it) or files in a repository."""

    key: str
    title: str
    urls: tuple[str, ...]
    repo: str = ""
    paths: tuple[str, ...] = ()
    commit: str = ""


def _github(key: str, title: str, repo: str, *paths: str, commit: str = "") -> Source:
    """Return a source in a GitHub repository, linked to the file or tree at the commit."""
    url = f"https://github.com/{repo}"
    if commit:
        url += f"/blob/{commit}/{paths[0]}" if len(paths) == 1 else f"/tree/{commit}"
    return Source(key, title, (url,), repo=repo, paths=paths, commit=commit)


_USC = "codexstanford/markdonw-chunck-of-the-usa-code"


_ALL = (
    # -- The seed release and the Collaborative Reform Initiative -----------------------
    Source(
        "S1",
        "DOJ press release, 2024-08-08: technical assistance to the Boston Police "
        "Department under the COPS Office Collaborative Reform Initiative (EIN Presswire copy)",
        (
            (
                "https://www.einpresswire.com/article/734178115/justice-department-announces-"
                "that-it-will-provide-technical-assistance-to-the-boston-police-department-"
                "under-cops-office-s-collaborative-reform"
            ),
        ),
    ),
    Source(
        "S2",
        "Massachusetts Municipal Association: COPS Office to provide technical assistance "
        "to Boston Police Department",
        (
            "https://mma.org/cops-office-to-provide-technical-assistance-to-boston-police-department",
        ),
    ),
    Source(
        "S3",
        "Legal Newsline: Justice Department announces collaboration with Boston police "
        "under reform initiative",
        (
            (
                "https://legalnewsline.com/stories/662479190-justice-department-announces-"
                "collaboration-with-boston-police-under-reform-initiative"
            ),
        ),
    ),
    Source(
        "S4",
        "COPS Office: Critical Response program page",
        ("http://cops.usdoj.gov/criticalresponse", "https://cops.usdoj.gov/node/378"),
    ),
    Source(
        "S5",
        "National Policing Institute: Collaborative Reform Initiative program, Critical Response",
        (
            (
                "https://policinginstitute.org/projects/collaborative-reform-initiative-program-"
                "critical-response"
            ),
        ),
    ),
    Source(
        "S6",
        "COPS Office: Organizational Assessment program page",
        ("https://cops.usdoj.gov/organizationalassessment",),
    ),
    Source(
        "S7",
        "COPS Office: providers selected; all three CRI levels available",
        ("https://cops.usdoj.gov/node/380",),
    ),
    Source(
        "S8",
        "DOJ press release: expansion of technical assistance services offered to law "
        "enforcement (2022)",
        (
            (
                "https://www.justice.gov/opa/pr/justice-department-announces-expansion-technical-"
                "assistance-services-offered-law-enforcement"
            ),
        ),
    ),
    Source(
        "S9",
        "COPS Office Community Policing Dispatch, May 2022: technical assistance expansion",
        ("https://cops.usdoj.gov/html/dispatch/05-2022/technical_assistance_expansion.html",),
    ),
    Source(
        "S10",
        "Police1: DOJ expands police reform technical assistance services to LE agencies",
        (
            (
                "https://police1.com/police-administration/articles/doj-expands-police-reform-"
                "technical-assistance-services-to-le-agencies-3j9Z8AbyLbIByv8W"
            ),
        ),
    ),
    Source(
        "S11",
        "National League of Cities, 2024-10-16: DOJ's Collaborative Reform Initiative "
        "program provides assistance to local law enforcement agencies",
        (
            (
                "https://nlc.org/article/2024/10/16/dojs-collaborative-reform-initiative-program-"
                "provides-assistance-to-local-law-enforcement-agencies"
            ),
        ),
    ),
    Source(
        "S12",
        "DOJ press release (Attorney General Sessions launches a new technical assistance "
        "center) and IACLEA news, 2018-03-15",
        (
            (
                "https://www.justice.gov/opa/pr/attorney-general-sessions-provides-further-"
                "support-local-law-enforcement-launch-new/"
            ),
            "https://www.iaclea.org/association-news/2018/03/15/technical-assistance-center/",
        ),
    ),
    Source(
        "S13",
        "DOJ announcement, 2017-12-20: award to police executives and unions to create a "
        "technical assistance center (copies)",
        (
            (
                "https://news247worldpressuk.com/2017/12/20/department-of-justice-announces-"
                "unprecedented-award-to-police-executives-and-unions-to-create-a-technical-"
                "assistance-center"
            ),
            (
                "https://www.blueline.ca/iacp-awarded-monumental-grant-from-us-department-of-"
                "justice-5096/"
            ),
        ),
    ),
    Source(
        "S14",
        "South Carolina FOP: Attorney General Sessions announces launch of new "
        "Collaborative Reform Initiative",
        (
            (
                "https://scfop.org/attorney-general-sessions-announces-launch-of-new-"
                "collaborative-reform-initiative/"
            ),
        ),
    ),
    Source(
        "S15",
        "DOJ announcement, September 2020 (copy): Major County Sheriffs of America joins CRI-TAC",
        (
            (
                "https://criminal-justice-online.blogspot.com/2020/09/department-of-justice-"
                "announces-major.html"
            ),
        ),
    ),
    Source(
        "S16",
        "COPS Office Community Policing Dispatch, January 2022: CRI-TAC and human rights",
        ("https://cops.usdoj.gov/html/dispatch/01-2022/CRITAC_human_rights.html",),
    ),
    Source(
        "S17",
        "CRI-TAC: Law Enforcement Solutions By the Field, For the Field, second annual review",
        ("https://www.hsdl.org/c/cri-tac-law-enforcement-solutions-second-annual-review/",),
    ),
    Source(
        "S18",
        "COPS Office press release: second annual report on the progress of Collaborative Reform",
        (
            (
                "https://cops.usdoj.gov/pressrelease/department-justice-releases-second-annual-"
                "report-progress-collaborative-reform"
            ),
        ),
    ),
    Source(
        "S19",
        "DOJ announcement (copy): CRI-TAC reaches 1,000 technical assistance engagements",
        (
            (
                "https://dailyfly.com/justice-departments-collaborative-reform-initiative-"
                "technical-assistance-center-reaches-1000-technical-assistance-engagements-with-"
                "local-law-enforcement-agencies/"
            ),
        ),
    ),
    Source(
        "S20",
        "Police1: 5 things to know about the Justice Department's CRI-TAC",
        (
            (
                "https://www.police1.com/chiefs-sheriffs/5-things-to-know-about-the-justice-"
                "departments-collaborative-reform-initiative-cri-tac"
            ),
        ),
    ),
    Source(
        "S21",
        "COPS Office press release, 2023-03-08: review of the Memphis Police Department's "
        "use of force and de-escalation",
        (
            (
                "https://cops.usdoj.gov/pressrelease/department-justice-announces-review-memphis-"
                "police-department%E2%80%99s-use-force-and-de"
            ),
        ),
    ),
    Source(
        "S22",
        "DOJ press release, 2024-06-26: technical assistance to the Uvalde Police "
        "Department under the Collaborative Reform Initiative (copies)",
        (
            (
                "https://www.einpresswire.com/article/723127721/justice-department-announces-it-"
                "will-provide-technical-assistance-to-uvalde-police-department-under-cops-office-"
                "s-collaborative-reform-initiative"
            ),
            "http://bangkokscot.org/index-546.html",
        ),
    ),
    Source(
        "S22b",
        "KSAT, 2024-08-05: DOJ security consultants visit with Uvalde PD",
        (
            (
                "https://www.ksat.com/news/local/2024/08/05/doj-security-consultants-visit-with-"
                "uvalde-pd-as-part-of-departments-rebuilding-efforts/"
            ),
        ),
    ),
    Source(
        "S23",
        "COPS Office Dispatch, February 2024: Uvalde Critical Incident Review (and copies)",
        (
            "https://cops.usdoj.gov/html/dispatch/02-2024/uvalde_critical_incident_review.html",
            "https://policycommons.net/artifacts/11300611/cops-r1141-pub/12185983",
            (
                "https://www.ncja.org/crimeandjusticenews/doj-s-cops-office-to-review-police-"
                "performance-in-uvalde"
            ),
        ),
    ),
    Source(
        "S24",
        "Critical incident reviews: Orlando Pulse nightclub and San Bernardino (copies)",
        (
            "https://docslib.org/doc/12305623/pulse-nightclub-critical-incident-review",
            (
                "https://docslib.org/doc/3879831/a-critical-incident-review-of-the-san-bernardino-"
                "public-safety-response-to-the-december-2-2015-terrorist-shooting-incident-at-the-"
                "inland-regional-center"
            ),
        ),
    ),
    Source(
        "S25",
        "Police Foundation news: the guidebook How to Conduct an After Action Review "
        "(cops-w0878-pub)",
        ("https://www.policefoundation.org/news-events/page/3/",),
    ),
    Source(
        "S26",
        "DOJ announcement, 2024-08-22: Organizational Assessment of the Charlottesville (VA) "
        "Police Department (copy), and a local report",
        (
            (
                "https://securengin.fifthestate.nz/2024/08/22/justice-department-announces-an-"
                "organizational-assessment-of-the-charlottesville-virginia-police-department-"
                "under-the-cops-offices-collaborative-reform-initiative"
            ),
            "https://cvillerightnow.com/?p=13830",
        ),
    ),
    Source(
        "S26b",
        "COPS Office: active Organizational Assessment site page, Charlottesville (VA) "
        "Police Department",
        ("https://cops.usdoj.gov/active-oa-site-charlottesville-va-police-department",),
    ),
    Source(
        "S27",
        "Legal Newsline: Justice Department launches assessment of Marysville police under "
        "Collaborative Reform Initiative",
        (
            (
                "https://legalnewsline.com/stories/666069696-justice-department-launches-"
                "assessment-of-marysville-police-under-collaborative-reform-initiative"
            ),
        ),
    ),
    Source(
        "S28",
        "COPS Office: Collaborative Reform (2014 page)",
        ("http://www.cops.usdoj.gov/print.asp?Item=2714",),
    ),
    Source(
        "S29",
        "Samuel Walker: the DOJ Collaborative Reform program (list of sites and reports)",
        ("http://samuelwalker.net/issues/doj-collaborative-reform-program/",),
    ),
    Source(
        "S30",
        "COPS Office: Philadelphia Collaborative Reform six-month report release",
        ("https://cops.usdoj.gov/Default.asp?Item=2837",),
    ),
    Source(
        "S31",
        "COPS publication cops-w0792-pub (Philadelphia Collaborative Reform assessment, text)",
        ("https://assets.documentcloud.org/documents/2778727/Cops-w0792-Pub.txt",),
    ),
    Source(
        "S32",
        "Police Foundation: Collaborative Reform Initiative for Technical Assistance project",
        (
            (
                "https://www.policefoundation.org/projects/collaborative-reform-initiative-for-"
                "technical-assistance/"
            ),
        ),
    ),
    Source(
        "S33",
        "DOJ press release, 2017-09-15: changes to the Collaborative Reform Initiative",
        (
            (
                "https://www.justice.gov/opa/pr/department-justice-announces-changes-"
                "collaborative-reform-initiative"
            ),
        ),
    ),
    Source(
        "S34",
        "FY 2023 Collaborative Reform Initiative Organizational Assessment and Critical "
        "Response solicitation (summary copy)",
        (
            (
                "https://11academianetworks.com/scholarship/fy-2023-collaborative-reform-"
                "initiative-organizational-assessment-and-critical-response-solicitation-1534314"
            ),
        ),
    ),
    Source(
        "S35",
        "Reports on the reviews of the October 2023 Lewiston (ME) response",
        (
            (
                "http://wqdy.fm/2024/09/06/msp-releases-internal-after-action-review-of-lewiston-"
                "response"
            ),
            (
                "https://necn.com/news/local/review-of-maine-police-response-to-mass-shooting-"
                "yields-more-recommendations/3363094/"
            ),
        ),
    ),
    Source(
        "S-CJI",
        "Community Resources for Justice: Collaborative Reform Initiative, process and "
        "experiences at selected sites",
        (
            (
                "http://www.crj.org/publication/collaborative-reform-initiative-process-"
                "experiences-selected-sites/"
            ),
        ),
    ),
    Source(
        "S36",
        "COPS Office: Dearborn Heights (MI) Police Department Organizational Assessment "
        "pages ('C.N.A., an Organizational Assessment provider'; concluded 2024-12-01)",
        (
            "https://cops.usdoj.gov/active-oa-site-dearborn-heights-mi-police-department",
            "https://cops.usdoj.gov/node/472",
        ),
    ),
    Source(
        "S37",
        "COPS Office Dispatch, December 2023: CRI Organizational Assessments (Fayetteville, "
        "NC, and the CNA team)",
        ("https://cops.usdoj.gov/html/dispatch/12-2023/CRI_organizational_assessments.html",),
    ),
    Source(
        "S38",
        "U.S. Attorney's Office, Eastern District of North Carolina, 2014-10-21: "
        "Collaborative Reform Initiative with the Fayetteville Police Department",
        (
            (
                "https://www.justice.gov/usao-ednc/pr/us-department-justice-announces-"
                "collaborative-reform-initiative-fayetteville-police"
            ),
        ),
    ),
    Source(
        "S39",
        "COPS Office release, 2015-12-16: assessment report on the Fayetteville (NC) "
        "Police Department",
        ("https://cops.usdoj.gov/Default.asp?Item=2835",),
    ),
    Source(
        "S40",
        "Calexico Police Department assessment (Hillard Heintze, 2014-CR-WX-K006; copy) and "
        "a 2022 after-action review signed 'Hillard Heintze, A Jensen Hughes Company' (copy)",
        (
            (
                "https://vdocuments.us/an-assessment-of-the-calexico-police-342ed706-1ebb-"
                "4fde-bd1e-as-of-july-1.html"
            ),
            "https://scribd.com/document/564213102/2020-Civil-Unrest-After-Action-Review-Report",
        ),
    ),
    Source(
        "S41",
        "COPS Office release, 2015-09-03: Ferguson after-action report, with the Institute "
        "for Intergovernmental Research",
        ("https://cops.usdoj.gov/Default.asp?Item=2815",),
    ),
    Source(
        "S42",
        "Police Executive Research Forum: Critical Response Technical Assessment Review of "
        "the San Diego Police Department (COPS Office, 2015; copy)",
        (
            (
                "https://s3.documentcloud.org/documents/1688042/critical-response-technical-"
                "assessment-review.txt"
            ),
        ),
    ),
    Source(
        "S43",
        "COPS Office release, 2016-04-26: Tampa Police Department bicycle stops, with the "
        "Virginia Center for Policing Innovation",
        ("https://cops.usdoj.gov/Default.asp?Item=2859",),
    ),
    # -- Grant programs and statute -----------------------------------------------------
    Source(
        "G1",
        "Federal program inventory: Assistance Listings 16.710 and 16.071 "
        "(EOP-OMB/federal-program-inventory) and 16.068 to 16.073 "
        "(metzgr/federal-program-inventory-1, a copy)",
        (
            "https://github.com/EOP-OMB/federal-program-inventory",
            "https://github.com/metzgr/federal-program-inventory-1",
        ),
        repo="EOP-OMB/federal-program-inventory; metzgr/federal-program-inventory-1",
        paths=(
            "website/_program/16.710.md",
            "website/_program/16.071.md",
            "website/_program/16.068.md to website/_program/16.073.md",
        ),
    ),
    Source(
        "G2",
        "COPS Office: COPS Hiring Program page (versions of FY2015, FY2017, FY2020, FY2021, "
        "FY2025)",
        (
            "https://cops.usdoj.gov/chp",
            "http://cops.usdoj.gov/Default.asp?Item=2367",
            (
                "https://swap.stanford.edu/was/20160311035101mp_/http:/www.cops.usdoj.gov/"
                "Default.asp?Item=2367"
            ),
        ),
    ),
    Source(
        "G3",
        "Kentucky League of Cities: COPS Hiring Program (CHP)",
        ("https://klc.org/News/12472/cops-hiring-program-chp---due-june-6",),
    ),
    Source(
        "G4",
        "COPS Hiring Program grant summary (document copy)",
        ("https://scribd.com/document/632308630/COPS-HIRING-PROGRAM-GRANT-SUMMARY-B",),
    ),
    Source(
        "G5",
        "FY 2022 COPS Hiring Program announcement (copy)",
        (
            (
                "https://grantsbay.com/the-u-s-department-of-justices-cops-office-is-offering-the-"
                "fy-2022-cops-hiring-program-to-fund-law-enforcement-officer-positions"
            ),
        ),
    ),
    Source(
        "G6",
        "Georgia Municipal Association: US DOJ COPS Hiring Program (CHP)",
        (
            (
                "http://www.gmanet.com/Resources/Grants-and-Award-Opportunities/US-DOJ-COPS-"
                "Hiring-Program-(CHP).aspx"
            ),
        ),
    ),
    Source(
        "G7",
        "City of Spokane Valley: FY2024 CHP award documents",
        (
            (
                "https://laserfiche.spokanevalley.org/WebLink/DocView.aspx?dbid=0&id=516263&"
                "repo=SpokaneValley"
            ),
        ),
    ),
    Source(
        "G8",
        "City of Dallas council item: FY2025 CHP award",
        (
            (
                "https://cityofdallas.legistar.com/LegislationDetail.aspx?GUID=4D33D441-060D-4ACF-"
                "AD75-AE6087FD01F3&ID=7772544"
            ),
        ),
    ),
    Source(
        "G9",
        "City of Everett: 2020 CHP award documents",
        ("https://lfportal.everettwa.gov/WebLink/0/doc/1164909/Page6.aspx",),
    ),
    Source(
        "G10",
        "COPS Office: COPS Hiring Recovery Program FAQ (ORI)",
        ("https://cops.usdoj.gov/Default.asp?Item=2130",),
    ),
    Source(
        "G11",
        "COPS Office: frequently asked questions (match waiver)",
        ("http://cops.usdoj.gov/default.asp?Item=738",),
    ),
    Source(
        "G12",
        "COPS-CHP-APPLICATION-2019 listing (copy) and a Menahga (MN) action memorandum",
        (
            (
                "http://www.topgovernmentgrants.com/grants_gov_display.php?program="
                "COPS-CHP-APPLICATION-2019&image="
            ),
            (
                "https://careersdocbox.com/Financial_Aid/80118517-Excerpt-from-action-memorandum-"
                "attached.html"
            ),
        ),
    ),
    Source(
        "G13",
        "COPS Office: CHP 2010",
        ("https://cops.usdoj.gov/Default.asp?Item=2552",),
    ),
    Source(
        "G14",
        "Recovery Act roadmap: Safe and Secure Neighborhoods (COPS Hiring Recovery Program); "
        "also DOJ OIG Audit Report 10-25",
        ("https://obamawhitehouse.archives.gov/recovery/roadmap/Safe-and-Secure-Neighborhoods",),
    ),
    Source(
        "G15",
        "COPS Office Community Policing Dispatch, June 2024: COPS funding",
        ("https://cops.usdoj.gov/html/dispatch/06-2024/COPS_Funding.html",),
    ),
    Source(
        "G16",
        "O-COPS-2025-172379, FY2025 School Violence Prevention Program (listing copy)",
        (
            (
                "https://www.topgovernmentgrants.com/grants_gov_display.php?program="
                "O-COPS-2025-172379"
            ),
        ),
    ),
    Source(
        "G17",
        "O-COPS-2021-89002, FY2021 School Violence Prevention Program (listing copy)",
        ("https://grantsbay.com/?p=582157",),
    ),
    Source(
        "G18",
        "FY 2025 School Violence Prevention Program (listing copy)",
        (
            (
                "https://theoptimisticfuturist.org/funding-opportunity/department-of-justice-fy-"
                "2025-school-violence-prevention-program-exp-june-18-2025"
            ),
        ),
    ),
    Source(
        "G19",
        "2019 COPS Office School Violence Prevention Program (copy)",
        (
            (
                "https://readkong.com/page/2019-cops-office-stop-school-violence-school-violence-"
                "1600043"
            ),
        ),
    ),
    Source(
        "G20",
        "Award 15JCOPS-22-GG-01896-INDI (award page)",
        ("https://bja.ojp.gov/funding/awards/15jcops-22-gg-01896-indi",),
    ),
    Source(
        "G21",
        "COPS Office Community Policing Dispatch, November 2020: CTAS awards",
        ("https://cops.usdoj.gov/html/dispatch/11-2020/ctas_awards.html",),
    ),
    Source(
        "G22",
        "Rural Community Toolbox: Tribal Resources Grant Program",
        ("https://ruralcommunitytoolbox.org/funding/256",),
    ),
    Source(
        "G23",
        "TRGP award announcements (a congressional release; Police1)",
        (
            (
                "https://grijalva.house.gov/congressman-grijalva-announces-cops-grant-award-az-"
                "tribes"
            ),
            (
                "https://www.police1.com/police-grants/articles/cops-announces-tribal-resources-"
                "grant-program-grantees-zCSTrSYhDl1B8L6M/"
            ),
        ),
    ),
    Source(
        "G24",
        "DOJ: Coordinated Tribal Assistance Solicitation fact sheet",
        ("https://www.justice.gov/asg/coordinated-tribal-assistance-solicitation-fact-sheet",),
    ),
    Source(
        "G24b",
        "DOJ: CTAS frequently asked questions (archived)",
        ("https://www.justice.gov/archives/tribal/ctas-frequently-asked-questions",),
    ),
    Source(
        "G25",
        "COPS-CAMP-APPLICATION-2020 (listing copy)",
        (
            (
                "https://governmentgrantsmoney.com/grants_gov_display.php?program="
                "COPS-CAMP-APPLICATION-2020"
            ),
        ),
    ),
    Source(
        "G26",
        "MassLive, June 2020: Massachusetts State Police receive federal grant",
        (
            (
                "https://www.masslive.com/police-fire/2020/06/massachusetts-state-police-receive-"
                "5m-federal-grant-to-combat-illicit-drug-manufacturing-distribution.html"
            ),
        ),
    ),
    Source(
        "G27",
        "PDMP TTAC: COPS Anti-Heroin Task Force funding opportunity",
        ("https://www.pdmpassist.org/Funding/Opportunity/5ae6750d-03e4-4e8c-9338-361314b3e41c",),
    ),
    Source(
        "G28",
        "Gov1: COPS grants for the Anti-Heroin Task Force Program",
        (
            (
                "https://gov1.com/grants/articles/10m-in-cops-grants-for-anti-heroin-task-force-"
                "program-nFoveuXkYXgW8hzb"
            ),
        ),
    ),
    Source(
        "G29",
        "DOJ announcement (copy), 2017-11-29: awards to combat methamphetamine and opioids "
        "(CAMP and AHTF)",
        (
            (
                "https://news247worldpressuk.com/2017/11/29/breaking-attorney-general-sessions-"
                "announces-over-12-million-to-support-law-enforcement-agencies-to-combat-illegal-"
                "manufacturing-and-distribution-of-methamphetamine-and-opioids"
            ),
        ),
    ),
    Source(
        "G29b",
        "DOJ announcement (copy): solicitations to combat the distribution of illicit drugs "
        "and improve officer wellness",
        (
            (
                "https://americanstocknews.com/politics/justice-department-releases-58-million-in-"
                "solicitations-to-combat-the-distribution-of-illicit-drugs-and-improve-officer-"
                "wellness"
            ),
        ),
    ),
    Source(
        "G30",
        "COPS Office: LEMHWA page; MENTAL-HEALTH-AND-WELLNESS-ACT-2020 listing; Oakland "
        "County (MI) document",
        (
            "https://cops.usdoj.gov/lemhwa",
            (
                "https://governmentgrantsmoney.com/grants_gov_display.php?program="
                "MENTAL-HEALTH-AND-WELLNESS-ACT-2020"
            ),
            (
                "https://openoakland2.oakgov.com/WebLink/DocView.aspx?dbid=0&id=34530&"
                "repo=Open-Oakland"
            ),
        ),
    ),
    Source(
        "G30b",
        "34 U.S.C. 10491 and following: law enforcement family support and mental health (copy)",
        (
            (
                "https://govregs.com/uscode/expand/title34_subtitle2_chapter101_subchapterXXII_"
                "section10495"
            ),
        ),
    ),
    Source(
        "G31",
        "COPS Office: CPD Microgrants page, and copies of CPD solicitations",
        (
            "https://cops.usdoj.gov/cpdmicrogrants",
            (
                "http://gmanet.com/Resources/Grants-and-Award-Opportunities/US-DOJ-Community-"
                "Policing-Development-(CPD)-Microg.aspx"
            ),
            "https://www.grantexec.com/grants/62146622-9f78-4cfa-8702-f8b54a9f81ea",
            (
                "https://gacities.com/Resources/Grants-and-Award-Opportunities/FY22-Microgrants-"
                "Community-Policing-Development.aspx"
            ),
            "https://us.fundsforngos.org/?p=61345",
            (
                "https://www.police1.com/police-grants/articles/cops-office-community-policing-de-"
                "escalation-training-grant-open-for-applications-hW1gAO0QPPVtljIK/"
            ),
        ),
    ),
    Source(
        "G32",
        "Safer Outcomes solicitations (copies)",
        (
            (
                "https://counties.org/csac-bulletin-article/office-community-oriented-policing-"
                "services-announces-notice-funding"
            ),
            "https://www.grantexec.com/grants/4a24ee9c-e93d-4b18-93b3-d4c08ba0777d",
            "https://www.grantexec.com/grants/e7473d83-d210-4447-b6b2-ba57aa39155f",
            (
                "https://us.fundsforngos.org/type-of-grantgrant/2025-curriculum-integration-for-"
                "law-enforcement-academies-and-state-level-training-commissions-program/"
            ),
        ),
    ),
    Source(
        "G33",
        "2017 COPS Office Preparing for Active Shooter Situations (PASS) solicitation (copy)",
        (
            (
                "https://pdfslide.us/documents/2017-cops-office-preparing-for-active-shooter-"
                "situations-pass-2018-6-12-2.html"
            ),
        ),
    ),
    _github(
        "G34",
        f"34 U.S.C. 10381 to 10389 (Part Q), text in {_USC}",
        _USC,
        "chuncks/title-34/chunck-248.md to chunck-265.md",  # codespell:ignore
        "chuncks/title-34/chunck-273.md",  # codespell:ignore
    ),
    Source(
        "G35",
        "FY 2024 COPS Hiring Program listing (federalgrants.com; also a nevadagrantlab.org "
        "grant page)",
        ("https://www.federalgrants.com/FY24-COPS-Hiring-Program-99843.html",),
    ),
    Source(
        "G36",
        "COPS solicitation listings O-COPS-2021-97003, O-COPS-2023-171541, "
        "O-COPS-2023-171548, O-COPS-2024-172160, O-COPS-2025-172390 (topgovernmentgrants); "
        "O-COPS-2023-171545, O-COPS-2023-171554 (11academianetworks); a Hampton (VA) council item",
        ("https://hampton.legistar.com/LegislationDetail.aspx?ID=5925146",),
    ),
    Source(
        "G37",
        "JustGrants glossary of terms",
        ("https://justicegrants.usdoj.gov/library/glossary-terms",),
    ),
    Source(
        "G-CAMP2014",
        "COPS Office: FY2014 CAMP release",
        ("https://cops.usdoj.gov/Default.asp?Item=2743",),
    ),
    Source(
        "G-FR2001",
        "Federal Register, 2001: Tribal Resources Grant Program notice (archived)",
        (
            (
                "https://webarchive.library.unt.edu/eot2008/20090112001632/http://frwebgate."
                "access.gpo.gov/cgi-bin/getdoc.cgi?dbname=2001_register&docid=01-5058-filed"
            ),
        ),
    ),
    Source(
        "G-CTAS2016",
        "DOJ Coordinated Tribal Assistance Solicitation, FY2016 (copy)",
        (
            (
                "https://fdocuments.net/document/us-department-of-justice-coordinated-tribal-"
                "assistance-solicitation-2016.html"
            ),
        ),
    ),
    Source(
        "G-CTAS-post",
        "DOJ: after you get a grant (tribal grantees)",
        ("https://www.justice.gov/tribal/after-you-get-grant",),
    ),
    Source(
        "G-TRGPTA",
        "Tribal Resources Grant Program Technical Assistance (listing copy)",
        (
            (
                "https://www2.fundsforngos.org/latest-funds-for-ngos/tribal-resources-grant-"
                "program-technical-assistance-us/"
            ),
        ),
    ),
    Source(
        "G-JAG",
        "OJP bulletin: SAM registration renewal and the two-step Grants.gov and JustGrants "
        "application",
        ("https://content.govdelivery.com/accounts/USDOJOJP_COMMS/bulletins/3b955fe",),
    ),
    Source(
        "G-legacy",
        "16.710 program description (copy); 2016 COPS application form; CPA performance report",
        (
            (
                "https://docsbay.net/cfda-16-710public-safety-partnership-and-community-policing-"
                "grants"
            ),
            "https://omb.report/icr/201704-1103-003/doc/72773301",
            "http://www.m.omb.report/icr/202505-1103-001/doc/157347200",
        ),
    ),
    Source(
        "G-16710",
        "Assistance Listing 16.710 program history (listing copy)",
        ("https://www.topgovernmentgrants.com/cfda.php?CFDANumber=16.710",),
    ),
    Source(
        "G-govgrantshelp",
        "GovGrantsHelp: a look back at funded COPS School Violence Prevention Program grants",
        (
            (
                "https://www.govgrantshelp.com/columnists/educationgrantshelp-staff-1/articles/a-"
                "look-back-at-funded-cops-school-violence-prevention-program-grants-"
                "wh0xMu9UpaFesiZ8/"
            ),
        ),
    ),
    Source(
        "G-BJA",
        "BJA's STOP School Violence Program (copy)",
        ("https://docslib.org/doc/12702171/bjas-stop-school-violence-program",),
    ),
    Source(
        "G-CPDACC2022",
        "PowerDMS: the Community Policing Development (CPD) Accreditation program grant, 2022",
        (
            (
                "https://www.powerdms.com/why-powerdms/law-enforcement/the-community-policing-"
                "development-cpd-accreditation-program-grant-2022"
            ),
        ),
    ),
    Source(
        "G-CRI2022",
        "fundsforngos: Community Oriented Policing Services announces Collaborative Reform "
        "Initiative program (FY2022 solicitation, copy)",
        (
            (
                "https://us.fundsforngos.org/grant-size/1-million-to-50-million/community-oriented-"
                "policing-services-announces-collaborative-reform-initiative-program/"
            ),
        ),
    ),
    Source(
        "G-COPS25",
        "COPS Office Community Policing Dispatch, September 2019: the COPS Office at 25",
        ("https://cops.usdoj.gov/html/dispatch/09-2019/cops_office_25.html",),
    ),
    Source(
        "G-CR2009",
        "The Crime Report, 2009-01-19: Community Oriented Policing Service (COPS)",
        ("https://thecrimereport.org/2009/01/19/community-oriented-policing-service-cops/",),
    ),
    Source(
        "G-ehstoday",
        "EHS Today: COPS grants to hire additional officers",
        (
            (
                "https://www.ehstoday.com/emergency-management/article/21903950/cops-grants-198-"
                "million-to-hire-additional-officers"
            ),
        ),
    ),
    Source(
        "G-Phoenix",
        "City of Phoenix council item: FY2015 CHP award",
        (
            (
                "https://phoenix.legistar.com/LegislationDetail.aspx?GUID=FFD44AA7-0B06-4DBC-AAE9-"
                "0C51F9C763AA&ID=3968832"
            ),
        ),
    ),
    Source(
        "G-Fayetteville",
        "Supplemental online award information for 2013 COPS CHP grantees (copy)",
        (
            (
                "https://fdocuments.us/document/greg-tabor-supplemental-online-award-information-"
                "for-2013-cops-chp-grantees.html"
            ),
        ),
    ),
    Source(
        "G-Miami",
        "City of Miami document: FY2025 CHP award",
        (
            (
                "https://documents.miamigov.com/WebLink/DocView.aspx?dbid=0&id=1488446&"
                "repo=Administration"
            ),
        ),
    ),
    # -- Identifiers --------------------------------------------------------------------
    Source(
        "I1",
        "GSA: Unique Entity ID technical specifications",
        ("https://origin-www.gsa.gov/node/132988",),
    ),
    Source(
        "I2",
        "VistA ICR 7328 (UEI validation routines)",
        ("https://vivian.worldvista.org/vivian-data/ICR/ICR-7328.html",),
    ),
    _github(
        "I3", "OpenSanctions rigour: UEI validator", "opensanctions/rigour", "rigour/ids/uei.py"
    ),
    Source(
        "I4",
        "org-id.guide: US-SAM register",
        ("https://org-id.guide/list/US-SAM",),
    ),
    Source(
        "I5",
        "Unison support: what's my company's UEI",
        (
            (
                "https://fcsupport.unisonglobal.com/support/solutions/articles/42000091620-what-s-"
                "my-company-s-uei-"
            ),
        ),
    ),
    Source(
        "I6",
        "NCIC operating manual, ORI section (copy), and ORI format notes",
        (
            (
                "https://fdocuments.us/document/ncic-operating-manual-originating-agency-"
                "identifier-ori-.html"
            ),
            "https://dqhub.io/rules/nibrs-ori-format",
            (
                "http://grafana.stuvia.com/doc/9463251/fcicncic-certification-questions-and-"
                "correct-answers"
            ),
        ),
    ),
    Source(
        "I7",
        "COPS progress report form (OMB information collection 201912-1103-001)",
        ("https://omb.report/icr/201912-1103-001/doc/96912100",),
    ),
    Source(
        "I8",
        "City of Cottage Grove (MN) document with ORI MN08207",
        (
            (
                "https://docs.cottagegrovemn.gov/WebLink/DocView.aspx?dbid=0&id=725340&"
                "repo=CottageGrove"
            ),
        ),
    ),
    Source(
        "I9",
        "FBI: National Crime Information Center (NCIC)",
        ("https://le.fbi.gov/informational-tools/ncic",),
    ),
    # -- Agency categories --------------------------------------------------------------
    _github(
        "A1",
        "NCS-X NIBRS estimation code (agency types and state codes), in a package archived "
        "by pypi-data/pypi-mirror-392",
        "pypi-data/pypi-mirror-392",
        "packages/kptn/kptn-0.1.3.tar.gz (example/nibrs/srs/)",
    ),
    _github(
        "A2",
        "TidyTuesday: UCR program agencies (data dictionary, cleaning script, introduction)",
        "rfordatascience/tidytuesday",
        "data/curated/ucr-program-agencies/agencies.md",
        "data/curated/ucr-program-agencies/cleaning.R",
        "data/curated/ucr-program-agencies/intro.md",
    ),
    Source(
        "A3",
        "BJS: Census of State and Local Law Enforcement Agencies, 2018 statistical tables; "
        "CSLLEA data collection page",
        (
            (
                "https://ojp.gov/library/publications/census-state-and-local-law-enforcement-"
                "agencies-2018-statistical-tables"
            ),
            (
                "https://bjs.ojp.gov/data-collection/census-state-and-local-law-enforcement-"
                "agencies-csllea"
            ),
        ),
    ),
    Source(
        "A4",
        "BJS funding opportunity 4317 (CSLLEA)",
        ("https://bjs.ojp.gov/funding/opportunities/4317",),
    ),
    Source(
        "A5",
        "Census of State and Local Law Enforcement Agencies (2004 report, copy)",
        (
            (
                "https://www.edocr.com/v/l5ekjrzl/globaldocuments/census-of-state-and-local-law-"
                "enforcement-agencies"
            ),
        ),
    ),
    _github(
        "A6",
        f"34 U.S.C. 12271(d) and 42 U.S.C. 300x-64, text in {_USC}",
        _USC,
        "chuncks/title-34/chunck-958.md",  # codespell:ignore
        "chuncks/title-42/chunck-4334.md",  # codespell:ignore
    ),
    Source(
        "A7",
        "King County Sheriff's Office: contracts program (police services for cities by "
        "contract since 1973)",
        ("http://www.kingcounty.gov/safety/sheriff/About/Contracts.aspx",),
    ),
    Source(
        "A8",
        "Quileute Tribe: official site (the tribe is located in La Push, Washington)",
        ("https://quileutenation.org/",),
    ),
    Source(
        "A9",
        "Columbia Basin Herald and iFIBER ONE: the Mattawa Police Department (2013, 2022)",
        (
            "https://columbiabasinherald.com/news/2013/jun/01/mattawa-police-force-nearly-complete-2/",
            (
                "https://www.ifiberone.com/columbia_basin/city-of-mattawa-selects-new-police-chief/"
                "article_922aa5e6-a9f1-11ec-b2be-536e1e007104.html"
            ),
        ),
    ),
    Source(
        "A10",
        "BJS: National Incident-Based Reporting System (NIBRS), background on the "
        "collection of reported crime data",
        ("https://bjs.ojp.gov/taxonomy/term/offenses?page=23",),
    ),
    # -- Data formats and real data -----------------------------------------------------
    _github(
        "D1",
        "USAspending API source: download columns, code lists, award search contract",
        "fedspendingtransparency/usaspending-api",
        "usaspending_api/download/v2/download_column_historical_lookups.py",
        "usaspending_api/awards/v2/lookups/lookups.py",
        "usaspending_api/awards/v2/lookups/elasticsearch_lookups.py",
        "usaspending_api/api_contracts/contracts/v2/search/spending_by_award.md",
        commit="13a1ee0f0eb5bae5ae41c89b439b98f0881cf0c4",
    ),
    _github(
        "D2",
        "DATA Act broker source: award key derivation, FABS fields, agency codes",
        "fedspendingtransparency/data-act-broker-backend",
        "dataactbroker/helpers/validation_helper.py",
        "dataactvalidator/config/fabsFields.csv",
        "dataactvalidator/config/agency_codes.csv",
        commit="24a2645efe8273f4abc049ce08a0b2cdb224784a",
    ),
    _github(
        "D3",
        "A recorded USAspending award search response: Assistance Listing 16.710, "
        "recipients in Washington, 100 awards",
        "SFBAYKID/grants_agent",
        "tests/fixtures/usaspending_16710_wa_p1.json",
        commit="f167a144da3fbe3efc3b8df57283a51b7afb4554",
    ),
    _github(
        "D3b",
        "A third-party project's checked constants and findings for COPS awards "
        "(FY2025 SVPP award 15JCOPS25GG01291SSIX under listing 16.071)",
        "SFBAYKID/grants_agent",
        "grant_watch/live_verification.py",
        "docs/FINDINGS.md",
    ),
    _github(
        "D4",
        "FBI Crime Data Explorer front end: agency list as shipped in 2018 (23,243 agencies)",
        "fbi-cde/crime-data-frontend",
        "public/data/agencies-by-state.json.gz",
        commit="ddbd3077f8b546491c2f2f6b36e7e82f21a0bcbe",
    ),
    _github(
        "D5",
        "TidyTuesday 2025-02-18: FBI Crime Data Explorer agencies, pulled February 2025",
        "rfordatascience/tidytuesday",
        "data/2025/2025-02-18/agencies.csv",
        "data/2025/2025-02-18/readme.md",
        commit="6486e79da29bdda15f26dc8006cc385ab049aa54",
    ),
    Source(
        "D4b",
        "FBI Crime Data Explorer front end, issue 806: Nebraska ORIs start with NB (2017)",
        ("https://github.com/fbi-cde/crime-data-frontend/issues/806",),
        repo="fbi-cde/crime-data-frontend",
    ),
    _github(
        "D4c",
        "FBI Crime Data Explorer NIBRS downloads for Louisiana: agencies table (2020) and "
        "cde_agencies table (2015), as kept by the ACLU",
        "aclu-national/crime_in_louisiana",
        "LA-2020/agencies.csv",
        "LA-2015/cde_agencies.csv",
        commit="e238c2f7ffd6bec779ca08b2912f5676351e6ce9",
    ),
    _github(
        "D4d",
        "FBI API /api/agencies, pulled September 2018 and flattened with pandas",
        "ericjohannes/fbi_data_downloader",
        "agencies.csv",
        commit="50867fbf3c090ae7c22fd617c6e1303c731854e3",
    ),
    _github(
        "D6",
        "GSA Federal Audit Clearinghouse: UEI rules as quoted from GSA, and its validators",
        "GSA-TTS/FAC",
        "backend/dissemination/historiclib/common/uei.py",
        "backend/audit/validators.py",
        commit="b98727ecccda2b0e38c008f4ca77d9aa005b888f",
    ),
)

SOURCES: dict[str, Source] = {source.key: source for source in _ALL}

if len(SOURCES) != len(_ALL):  # pragma: no cover - a typo in this file
    raise RuntimeError("two sources share a key")


def _rule_book_sources() -> dict[str, Source]:
    """The sources of the rule book that this register does not list under the same key.

    The guide may cite the rule book's sources (``:source:`CHP2012```); they are taken
    from ``copsreform/data/rules.json`` so that the two registers cannot disagree, and
    are listed with the rules (:doc:`/reference/rules`), not on the sources page.
    """
    from copsreform.rules import RuleBook  # noqa: PLC0415 - only when the docs build

    return {
        s.id: Source(s.id, s.title, s.urls)
        for s in RuleBook.default().sources
        if s.id not in SOURCES
    }


RULE_BOOK_SOURCES: dict[str, Source] = _rule_book_sources()
