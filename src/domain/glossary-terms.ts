// The glossary's entries. The page sorts them by term, so their order here does not matter. Each
// explanation is for school staff and families, in short sentences. An abbreviation is either
// spelt out where it is used or has an entry of its own, and glossary.test.ts checks both.
import { PAID_EMPLOYMENT_MIN_HOURS } from './catalogue-settings.js'
import { CENSUS_NEED_CODES } from './census-codes.js'
import type { GlossaryTerm } from './glossary.js'

const GROUP_ONE_OUTCOME = 'It is one of the positive career outcomes for Career SEND Group One.'
const GROUP_TWO_OUTCOME = 'It is one of the positive career outcomes for Career SEND Group Two.'

export const GLOSSARY_TERMS: readonly GlossaryTerm[] = [
  {
    id: 'annual-review',
    term: 'Annual review',
    otherNames: ['EHC plan review'],
    explanation: [
      'The local authority must review each EHC plan at least once every 12 months.',
      'The young person, their family, the school and others who support them meet to look at progress and agree what should change in the plan.',
      'From Year 9, every review must also cover Preparing for Adulthood: work, independent living, friends and community, and good health.',
    ],
    seeAlso: ['ehc-plan', 'preparing-for-adulthood'],
  },
  {
    id: 'apprenticeship',
    term: 'Apprenticeship',
    otherNames: [],
    explanation: [
      'A real, paid job that leads to a recognised qualification.',
      'The apprentice spends part of their working time training away from the job. This is often one day a week at a college or training centre.',
      'Anyone aged 16 or over can start one. An apprenticeship that started before 1 August 2025 lasts at least 12 months. One that starts on or after that date lasts at least 8 months.',
      GROUP_TWO_OUTCOME,
    ],
    seeAlso: ['supported-apprenticeship'],
  },
  {
    id: 'area-of-need',
    term: 'Area of need',
    otherNames: ['Broad area of need'],
    explanation: [
      'The SEND Code of Practice sorts special educational needs into four broad areas.',
      'A student can have needs in more than one area.',
      'When a student’s qualification pathway is not known yet, the product uses the area of their primary need to suggest a Career SEND group.',
    ],
    listItems: [
      'Communication and interaction',
      'Cognition and learning',
      'Social, emotional and mental health',
      'Sensory and/or physical needs',
    ],
    seeAlso: ['primary-need', 'census-need-codes', 'career-send-group'],
  },
  {
    id: 'career-send-group',
    term: 'Career SEND group',
    otherNames: ['Group One', 'Group Two'],
    explanation: [
      'The SEND Gatsby Benchmark Toolkit, from the Careers & Enterprise Company, puts students with special educational needs and disabilities into two groups for careers planning.',
      'One question decides the group: will the student take GCSEs or other Level 2 qualifications? Group One is for students who will not. Group Two is for students who will.',
      'Each group has its own list of positive career outcomes. The student page still shows the outcomes of both groups, with the student’s own group first.',
      'When the qualification pathway is not recorded, the product suggests a provisional group from the student’s primary need. Staff can override the group, and must give a reason.',
    ],
    seeAlso: ['group-one', 'group-two', 'group-flags', 'qualification-pathway', 'level-2'],
  },
  {
    id: 'census-need-codes',
    term: 'Census need codes',
    otherNames: ['SEN type', 'Type of need'],
    explanation: [
      'Schools in England record each student’s type of need as a short code in the school census. The spring census records a primary need and, when there is one, a secondary need.',
      'The product reads these codes from the register you import, in upper or lower case.',
      'BESD (behavioural, emotional and social difficulties) is an older code that SEMH replaced. The product reads it as SEMH and shows a warning.',
      'A code the product does not know, such as a local one, is kept as written. Staff who import registers can then choose its area of need on the need codes page.',
    ],
    listItems: CENSUS_NEED_CODES.map((code) => `${code.code}: ${code.description}`),
    seeAlso: ['primary-need', 'secondary-need', 'area-of-need', 'sen-provision'],
  },
  {
    id: 'destination',
    term: 'Destination',
    otherNames: ['Actual destination', 'Intended destination'],
    explanation: [
      'Where a young person goes after they leave school or college. Examples are a college course, an apprenticeship, a job or a supported internship.',
      'An intended destination is where the student plans to go. An actual destination is where they went.',
      'The product records each destination as a spell with a type and a start date, and an end date when it ends. It can also keep the hours a week and whether the work is paid.',
      '“Not known” is a type of its own. It means that someone still has to find out where the young person is.',
    ],
    seeAlso: ['sustained-destination', 'neet', 'eet', 'nccis', 'tracking-consent'],
  },
  {
    id: 'eet',
    term: 'EET',
    otherNames: ['In education, employment or training'],
    explanation: [
      'Short for “in education, employment or training”.',
      'A young person is EET when they are studying, working, or on an apprenticeship or another kind of training.',
    ],
    seeAlso: ['neet', 'destination'],
  },
  {
    id: 'ehc-needs-assessment',
    term: 'EHC needs assessment',
    otherNames: ['Education, health and care needs assessment', 'Statutory assessment'],
    explanation: [
      'A detailed assessment of a child or young person’s special educational needs, carried out by the local authority. It decides whether they need an EHC plan.',
      'A parent, a young person aged 16 to 25, or their school or college can ask the local authority for one.',
      'For a student on SEN support, an assessment can open routes that need an EHC plan, such as a supported internship.',
    ],
    seeAlso: ['ehc-plan', 'sen-support', 'local-authority'],
  },
  {
    id: 'ehc-plan',
    term: 'EHC plan',
    otherNames: ['EHCP', 'Education, health and care plan'],
    explanation: [
      'A legal document from the local authority for a child or young person who needs more help than their school or college can give from its own resources.',
      'It describes the young person’s needs, the support they must get, and the outcomes they are working towards. It can continue up to age 25.',
      'In the school census an EHC plan is SEN provision E. Older files may use S, for a statement of special educational needs, the document that EHC plans replaced. The product treats S as an EHC plan and flags it.',
      'Some routes, such as a supported internship, need an EHC plan.',
    ],
    seeAlso: ['ehc-needs-assessment', 'annual-review', 'sen-support', 'sen-provision'],
  },
  {
    id: 'entry-level',
    term: 'Entry Level',
    otherNames: ['Entry 1', 'Entry 2', 'Entry 3'],
    explanation: [
      'Qualifications below Level 1, in three steps: Entry 1, Entry 2 and Entry 3, the highest.',
      'They suit learners who are not ready for Level 1 or GCSE yet. A student working towards Entry Level qualifications is usually in Career SEND Group One.',
    ],
    seeAlso: ['level-2', 'functional-skills', 'group-one'],
  },
  {
    id: 'extended-work-placement',
    term: 'Extended work placement',
    otherNames: [],
    explanation: [
      'A longer placement with an employer that builds skills for work. It can run alongside a vocational course.',
      'Some colleges pay a bursary towards travel or living costs during the placement.',
      GROUP_ONE_OUTCOME,
    ],
    seeAlso: ['supported-internship'],
  },
  {
    id: 'functional-skills',
    term: 'Functional Skills',
    otherNames: [],
    explanation: [
      'Qualifications in English and maths that focus on using them in daily life and at work.',
      'They are offered at Entry Level 1, 2 and 3, Level 1 and Level 2.',
      'A supported apprenticeship works towards Entry Level 3 Functional Skills.',
    ],
    seeAlso: ['entry-level', 'level-2'],
  },
  {
    id: 'further-education-college',
    term: 'Further education college',
    otherNames: ['FE college', 'College'],
    explanation: [
      'A college for people aged 16 and over. Courses run full time or part time, from Functional Skills up to degree level.',
      GROUP_TWO_OUTCOME,
    ],
    seeAlso: ['specialist-college'],
  },
  {
    id: 'gatsby-benchmarks',
    term: 'Gatsby Benchmarks',
    otherNames: ['The benchmarks'],
    explanation: [
      'Eight benchmarks that describe good careers guidance in schools and colleges in England. Their wording was updated from September 2025.',
      'Benchmark 3 asks schools to keep a record of the guidance each student has, and to collect their destinations for three years after they leave.',
      'In the product, each careers activity records the benchmarks it helps to meet.',
    ],
    listItems: [
      '1. A stable careers programme',
      '2. Learning from career and labour market information',
      '3. Addressing the needs of each young person',
      '4. Linking curriculum learning to careers',
      '5. Encounters with employers and employees',
      '6. Experiences of workplaces',
      '7. Encounters with further and higher education',
      '8. Personal guidance',
    ],
    seeAlso: ['career-send-group', 'destination'],
  },
  {
    id: 'gcse',
    term: 'GCSE',
    otherNames: ['General Certificate of Secondary Education'],
    explanation: [
      'The main qualification most students in England take at the end of Year 11, at about age 16.',
      'GCSEs are graded from 9, the highest, to 1. Grades 9 to 4 are Level 2 and grades 3 to 1 are Level 1.',
      'For the Career SEND group, a student who takes any GCSE is on a Level 2 pathway, whatever grade they are expected to get.',
    ],
    seeAlso: ['level-2', 'career-send-group'],
  },
  {
    id: 'group-flags',
    term: 'Group flags',
    otherNames: ['Provisional', 'Atypical', 'Complex needs', 'Override to review'],
    explanation: [
      'Tags beside a student’s Career SEND group that say how firm the group is and what to check.',
    ],
    listItems: [
      'Provisional: no qualification pathway is recorded, so the group comes from the primary need. It becomes firm once staff record the pathway.',
      'Atypical: the pathway gives a different group from the one the primary need suggests, such as an autistic student taking GCSEs. This is common and is not an error.',
      'Complex needs: the student has profound and multiple learning difficulties, and the two-group model fits them only in part.',
      'Override to review: staff set the group by hand, and since then a change to the pathway or needs has made the rules give another group. The override stays until someone reviews it.',
    ],
    seeAlso: ['career-send-group', 'qualification-pathway', 'primary-need'],
  },
  {
    id: 'group-one',
    term: 'Group One',
    otherNames: ['Career SEND Group One'],
    explanation: [
      'Students who will usually not take GCSEs or other Level 2 qualifications. They may work towards Entry Level or Level 1 qualifications, or follow a personalised curriculum.',
      'Many have communication and interaction needs, or cognition and learning needs.',
      'Their positive career outcomes include supported internships, supported apprenticeships, supported volunteering, self-employment and supported independent living.',
    ],
    seeAlso: ['career-send-group', 'group-two'],
  },
  {
    id: 'group-two',
    term: 'Group Two',
    otherNames: ['Career SEND Group Two'],
    explanation: [
      'Students who will usually take GCSEs or other Level 2 qualifications.',
      'Many have social, emotional and mental health needs, or sensory and/or physical needs. They can reach the same outcomes as other young people, but often meet real barriers on the way.',
      'Their positive career outcomes include paid employment, supported employment, apprenticeships, further education colleges and specialist colleges.',
    ],
    seeAlso: ['career-send-group', 'group-one'],
  },
  {
    id: 'job-coach',
    term: 'Job coach',
    otherNames: [],
    explanation: [
      'A person who helps a young person learn a job and settle into a workplace.',
      'A job coach often works alongside the young person at first, then steps back as they grow more confident.',
      'Supported internships include a job coach, and supported employment often does.',
    ],
    seeAlso: ['supported-internship', 'supported-employment'],
  },
  {
    id: 'level-2',
    term: 'Level 2',
    otherNames: ['Level 2 qualification', 'Level 1'],
    explanation: [
      'A level of qualification in England. GCSEs at grades 9 to 4 are Level 2, and so are many work-related qualifications.',
      'Level 1 is the step below Level 2, and Entry Level is below Level 1.',
      'Whether a student will take GCSEs or other Level 2 qualifications decides their Career SEND group.',
    ],
    seeAlso: ['gcse', 'entry-level', 'career-send-group'],
  },
  {
    id: 'local-authority',
    term: 'Local authority',
    otherNames: ['LA', 'Council'],
    explanation: [
      'The council responsible for education and children’s services in an area.',
      'It carries out EHC needs assessments, writes and reviews EHC plans, and keeps track of what young people in its area do after Year 11.',
      'Schools send it information about where their leavers went.',
    ],
    seeAlso: ['ehc-plan', 'nccis'],
  },
  {
    id: 'mis',
    term: 'MIS',
    otherNames: ['Management information system'],
    explanation: [
      'Short for “management information system”: the software a school keeps its pupil records in, such as Arbor or Bromcom.',
      'You export the SEND register from your MIS as a file, then import that file into this product.',
    ],
    seeAlso: ['upn'],
  },
  {
    id: 'nccis',
    term: 'NCCIS',
    otherNames: ['National Client Caseload Information System'],
    explanation: [
      'Short for “National Client Caseload Information System”. Local authorities use it to record what young people do after Year 11 and report it to the Department for Education.',
      'Each activity has a number code, such as 460 for a supported internship or 619 for a young person who is not in education, employment or training and is looking for it.',
      'The product can keep an NCCIS code with each destination and export an NCCIS file for the local authority.',
    ],
    seeAlso: ['destination', 'local-authority', 'neet'],
  },
  {
    id: 'neet',
    term: 'NEET',
    otherNames: ['Not in education, employment or training'],
    explanation: [
      'Short for “not in education, employment or training”.',
      'Some young people who are NEET are looking for work or a course. Others cannot take part for now, for example because of illness or because they care for someone.',
      'The product counts NEET apart from destinations that are not known, because a destination that is not known still has to be found out.',
    ],
    seeAlso: ['eet', 'destination', 'nccis'],
  },
  {
    id: 'paid-employment',
    term: 'Paid employment',
    otherNames: [],
    explanation: [
      `A job with a contract of at least ${PAID_EMPLOYMENT_MIN_HOURS} hours a week. A job with fewer hours is recorded as employment below that threshold.`,
      'Until 18, a young person in England must also stay in education or training. Working 20 hours or more a week alongside part-time study is one way to do that.',
      GROUP_TWO_OUTCOME,
    ],
    seeAlso: ['supported-employment', 'apprenticeship'],
  },
  {
    id: 'positive-career-outcome',
    term: 'Positive career outcome',
    otherNames: ['Outcome'],
    explanation: [
      'One of the outcomes in the product’s catalogue, taken from the SEND Gatsby Benchmark Toolkit. Each outcome belongs to one Career SEND group.',
      'For each student, the product judges every outcome as eligible, check or not eligible, and gives the reasons.',
    ],
    seeAlso: ['career-send-group', 'group-one', 'group-two'],
  },
  {
    id: 'preparing-for-adulthood',
    term: 'Preparing for Adulthood',
    otherNames: ['PfA'],
    explanation: [
      'The part of the SEND Code of Practice about moving into adult life. It names four areas of adult life to plan for.',
      'For a student with an EHC plan, every review from Year 9 on must cover all four areas. The plan page prompts for a goal in each.',
    ],
    listItems: [
      'Employment, including higher education',
      'Independent living',
      'Friends, relationships and community',
      'Good health',
    ],
    seeAlso: ['annual-review', 'ehc-plan'],
  },
  {
    id: 'primary-need',
    term: 'Primary need',
    otherNames: ['Rank 1 need'],
    explanation: [
      'The student’s main type of special educational need, as the school records it in the census.',
      'When the qualification pathway is not known, the product uses the area of the primary need to suggest a provisional Career SEND group.',
    ],
    seeAlso: ['secondary-need', 'census-need-codes', 'area-of-need'],
  },
  {
    id: 'pseudonymised',
    term: 'Pseudonymised',
    otherNames: ['Pseudonymisation', 'Pseudonymous key'],
    explanation: [
      'Changed so that a record no longer names the person, while it can still be counted.',
      'A set number of years after a student leaves, the product can pseudonymise their record. It replaces their names, identifiers and exact date of birth, and removes the notes staff wrote. Counts and destination reports still include the record.',
      'The return for the local authority shows a pseudonymous key in place of a student’s name and UPN. A student gets the same key in every export from the same organisation. The key cannot be turned back into a UPN without a secret kept in the product’s database.',
    ],
    seeAlso: ['upn', 'local-authority'],
  },
  {
    id: 'qualification-pathway',
    term: 'Qualification pathway',
    otherNames: ['Pathway'],
    explanation: [
      'What the student is working towards, such as GCSEs, Entry Level 3 or a personalised curriculum.',
      'The pathway decides the Career SEND group. GCSEs or other Level 2 qualifications give Group Two. Anything below Level 2 gives Group One.',
      'It comes from the imported register, or staff record it on the student page.',
    ],
    seeAlso: ['career-send-group', 'level-2', 'entry-level'],
  },
  {
    id: 'secondary-need',
    term: 'Secondary need',
    otherNames: ['Rank 2 need'],
    explanation: [
      'A second type of special educational need that the school may record. It is optional.',
      'When the primary need has no area of need, such as “other difficulty or disability”, the product uses the area of the secondary need instead.',
    ],
    seeAlso: ['primary-need', 'census-need-codes'],
  },
  {
    id: 'self-employment',
    term: 'Self-employment',
    otherNames: ['Own enterprise', 'Supported self-employment', 'Supported own enterprise'],
    explanation: [
      'Self-employment means working for yourself: finding your own work and paying your own tax.',
      'Own enterprise means starting and running your own business. It can be a social enterprise, which is a business set up to do good.',
      'The supported kinds add help to set up the work or the business and to keep it going.',
      'All four are positive career outcomes for Career SEND Group One.',
    ],
    seeAlso: ['group-one'],
  },
  {
    id: 'sen-provision',
    term: 'SEN provision',
    otherNames: ['SEN status'],
    explanation: [
      'The kind of special educational needs help a student gets, as the school records it in the census.',
      'Older files can contain S (statement), A (School Action) or P (School Action Plus). The product imports S as an EHC plan, and A and P as SEN support, with a warning.',
    ],
    listItems: ['N: no special educational needs', 'K: SEN support', 'E: EHC plan'],
    seeAlso: ['sen-support', 'ehc-plan', 'census-need-codes'],
  },
  {
    id: 'sen-support',
    term: 'SEN support',
    otherNames: ['Special educational needs support'],
    explanation: [
      'Extra help that a school or college gives a student with special educational needs from its own resources, without an EHC plan.',
      'The school plans the help, puts it in place, and reviews how well it worked.',
      'In the school census SEN support is SEN provision K. If it is not enough, the school or the family can ask for an EHC needs assessment.',
    ],
    seeAlso: ['ehc-plan', 'ehc-needs-assessment', 'sen-provision'],
  },
  {
    id: 'senco',
    term: 'SENCO',
    otherNames: ['SENCo', 'Special educational needs co-ordinator'],
    explanation: [
      'Short for “special educational needs co-ordinator”: the teacher who co-ordinates help for students with special educational needs in a school.',
      'In this product, SENCO is also a role. It can see students, record pathways, override groups and import registers.',
    ],
    seeAlso: ['send'],
  },
  {
    id: 'send',
    term: 'SEND',
    otherNames: ['SEN', 'Special educational needs and disabilities'],
    explanation: [
      'Short for “special educational needs and disabilities”. SEN is short for “special educational needs”.',
      'A child or young person has special educational needs when a learning difficulty or disability means they need extra or different help with learning.',
      'The SEND Code of Practice (2015) is the guidance that schools, colleges and local authorities in England must follow for children and young people aged 0 to 25.',
    ],
    seeAlso: ['sen-support', 'ehc-plan', 'senco'],
  },
  {
    id: 'september-guarantee',
    term: 'September Guarantee',
    otherNames: [],
    explanation: [
      'A promise that every student in Year 11 and Year 12 gets an offer of a suitable place in education or training for the next year, by the end of September.',
    ],
    seeAlso: ['destination', 'local-authority'],
  },
  {
    id: 'small-number-suppression',
    term: 'Small-number suppression',
    otherNames: ['Fewer than 5', 'Withheld'],
    explanation: [
      'Hiding small counts in reports, so that a reader cannot pick out one student.',
      'Counts from 1 to 4 show as “fewer than 5”. When one hidden figure could be worked out from a total, another figure is hidden too and shows as “withheld”.',
      'This makes small numbers harder to find, but a figure can sometimes still be worked out by comparing pages. Share reports only with the people entitled to see them.',
    ],
  },
  {
    id: 'specialist-college',
    term: 'Specialist college',
    otherNames: ['Specialist post-16 institution'],
    explanation: [
      'A college or training provider for young people with learning difficulties or disabilities. Some offer places to live during the course.',
      GROUP_TWO_OUTCOME,
      'Some young people with complex needs, usually aged 19 to 25, go to a specialist residential college with therapy services. That is a Group One outcome, called a therapeutic environment.',
    ],
    seeAlso: ['further-education-college', 'therapeutic-environment'],
  },
  {
    id: 'supported-apprenticeship',
    term: 'Supported apprenticeship',
    otherNames: [],
    explanation: [
      'A real, paid job with training at work, learning in a classroom and extra support.',
      'The apprentice works towards Entry Level 3 Functional Skills.',
      'It is for young people with an EHC plan or another formal assessment of their needs. Each case is decided on its own.',
      GROUP_ONE_OUTCOME,
    ],
    seeAlso: ['apprenticeship', 'functional-skills'],
  },
  {
    id: 'supported-employment',
    term: 'Supported employment',
    otherNames: [],
    explanation: [
      'Paid work with support that fits the person, such as a job coach.',
      'Access to Work, a government grant, can pay for some of that support from age 16.',
      GROUP_TWO_OUTCOME,
    ],
    seeAlso: ['job-coach'],
  },
  {
    id: 'supported-independent-living',
    term: 'Supported independent living',
    otherNames: [],
    explanation: [
      'Help to live more independently, arranged with other services and the family.',
      'It can mean part-time support, short breaks (respite), or support to move into a home of one’s own.',
      GROUP_ONE_OUTCOME,
    ],
    seeAlso: ['preparing-for-adulthood'],
  },
  {
    id: 'supported-internship',
    term: 'Supported internship',
    otherNames: [],
    explanation: [
      'A study programme for young people aged 16 to 24 with an EHC plan, based mainly at an employer.',
      'It lasts at least six months and is unpaid. The aim is a paid job at the end.',
      'The intern has a job coach and a study programme of their own, with English and maths where that helps.',
      GROUP_ONE_OUTCOME,
    ],
    seeAlso: ['job-coach', 'ehc-plan'],
  },
  {
    id: 'supported-volunteering',
    term: 'Supported volunteering',
    otherNames: [],
    explanation: [
      'Help to build confidence and take part in volunteering. It suits young people with mental health needs, learning disabilities or complex needs.',
      'It can lead on to other outcomes, such as paid work.',
      GROUP_ONE_OUTCOME,
    ],
  },
  {
    id: 'sustained-destination',
    term: 'Sustained destination',
    otherNames: ['Sustained'],
    explanation: [
      'A destination that lasted, as the Department for Education measures it.',
      'The product looks at October to March of the destination year, the year after the student left. A month counts once it has ended, when a destination covers at least one day of it.',
      'Before the end of March the answer is “not yet known”, not “not sustained”.',
    ],
    listItems: [
      'Education: in education in every month from October to March',
      'Employment: in work in at least 5 of the 6 months from October to March',
      'Apprenticeship: on an apprenticeship for at least 6 months, between August and March',
      'A mix: every month from October to March had education, work or an apprenticeship',
    ],
    seeAlso: ['destination'],
  },
  {
    id: 'therapeutic-environment',
    term: 'Therapeutic environment',
    otherNames: [],
    explanation: [
      'A place to learn or live with therapy built in, such as a specialist residential college.',
      'It is usually for young adults aged 19 to 25 with complex needs. That age range is a guide, not a rule.',
      GROUP_ONE_OUTCOME,
    ],
    seeAlso: ['specialist-college'],
  },
  {
    id: 'tracking-consent',
    term: 'Tracking consent',
    otherNames: ['Consent to track destinations'],
    explanation: [
      'From age 16, a young person must agree before their school follows up where they went, unless they stay in the school’s own sixth form.',
      'The product records the answer, the date it was given and an optional note, on the student’s destinations page.',
    ],
    seeAlso: ['destination'],
  },
  {
    id: 'traineeship',
    term: 'Traineeship',
    otherNames: [],
    explanation: [
      'A programme of up to six months for ages 16 to 24, with work preparation, English and maths, and a work placement.',
      'The national programme took its last new starts on 31 July 2023. Its parts now sit inside 16 to 19 study programmes.',
      'The product keeps traineeships for older records and for local programmes run in the same way. The student page says so when a traineeship is planned to start after July 2023.',
    ],
    seeAlso: ['group-one'],
  },
  {
    id: 'uln',
    term: 'ULN',
    otherNames: ['Unique learner number'],
    explanation: [
      'Short for “unique learner number”: a 10-digit number that identifies a learner in education and training from age 14. Colleges and training providers use it.',
      'The product checks that a ULN is valid, and uses it to match a student who has no UPN.',
    ],
    seeAlso: ['upn'],
  },
  {
    id: 'upn',
    term: 'UPN',
    otherNames: ['Unique pupil number'],
    explanation: [
      'Short for “unique pupil number”: a 13-character code that identifies a pupil in schools in England. It stays with them when they change school.',
      'The first character is a check letter. A temporary UPN ends in a letter instead of a digit.',
      'When you import a register, the product matches students by UPN, so importing the same file again changes nothing.',
    ],
    seeAlso: ['uln', 'mis'],
  },
]
