// Word lists the entity finder reads cues from. General English and world knowledge only: no
// name of any story's people is here.

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean).map((w) => w.toLowerCase()));

/** Capitalised words that precede a person's name ("Foreign Minister Sergei Lavrov", "Mr. Ortiz"). */
export const TITLES = words(`
  president vice prime minister foreign defence defense interior finance justice health trade economy
  secretary secretary-general under-secretary general gen gen. ambassador mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady
  king queen prince princess sheikh emir sultan pope cardinal bishop archbishop rev rev. reverend father sister
  judge senator sen sen. rep rep. representative congressman congresswoman governor gov gov. mayor deputy
  chancellor chairman chairwoman chair chief executive ceo cfo coo director commissioner inspector detective sergeant
  sgt sgt. captain capt capt. colonel col col. lieutenant lt lt. admiral commander professor prof prof. speaker
  councillor councilor councilman councilwoman alderman spokesman spokeswoman spokesperson envoy negotiator leader premier
  officer constable superintendent supt supt. managing crown special acting former interim chief-executive
  assistant associate senior junior attorney attorney-general solicitor solicitor-general surgeon-general
  democrat republican sheriff marshal warden coroner
  principal examiner emeritus staff
`);

/** Titles that by themselves say the named one is a person. */
export const PERSON_TITLES = words(`
  mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady king queen prince princess sheikh emir sultan pope cardinal
  bishop archbishop rev rev. reverend father judge senator sen sen. rep rep. congressman congresswoman
  governor gov gov. mayor chancellor chairman chairwoman ceo cfo professor prof prof. speaker councillor councilor
  councilman councilwoman alderman spokesman spokeswoman spokesperson envoy negotiator premier inspector detective
  sergeant sgt sgt. captain capt capt. colonel col col. lieutenant lt lt. admiral commander constable
  superintendent supt supt. president minister secretary-general ambassador director commissioner
`);

/** Lower-case role nouns right before a name mark it as a person ("Kremlin spokesman Dmitry Peskov"). */
export const ROLE_NOUNS = words(`
  spokesman spokeswoman spokesperson envoy negotiator counterpart minister president leader chief head official
  politician analyst lawyer attorney candidate mayor councillor councilor director manager founder owner resident
  witness journalist reporter correspondent activist officer secretary chairman chairwoman executive economist
  professor researcher scientist commander general colonel captain judge prosecutor senator governor deputy
  ambassador diplomat strongman ruler king queen prince premier chancellor boss worker driver farmer teacher
  doctor nurse student mother father son daughter wife husband brother sister colleague aide adviser advisor
  organiser organizer coordinator representative member engineer inspector investigator firefighter
  captain skipper pilot owner landlord tenant neighbour neighbor shopkeeper survivor victim
`);

/** Words inside a name that make it an organisation. */
export const ORG_WORDS = words(`
  ministry council commission agency inc inc. corp corp. corporation ltd ltd. llc plc co co. company companies group party
  university college school academy institute foundation association federation union league committee congress
  parliament assembly senate court tribunal department office authority bureau board bank fund forces army navy
  police guard service services observatory organisation organization network news times post press herald
  gazette journal daily tribune telegraph chronicle courier review broadcasting television radio channel
  airlines airways railway railways holdings industries partners capital trust society church mission coalition
  alliance front movement brigade brigades battalion command centre center hospital clinic council cabinet
  government administration secretariat embassy consulate club team fc delegation caucus
  brotherhood force caliphate chamber exchange house
  chemicals chemical energy foods motors systems technologies technology pharmaceuticals pharma logistics
  shipping lines media mining oil gas steel electric power telecom bancorp insurance motors airline
  freight rail centers centres institutes universities agencies commissions ministries
  bulletin weekly magazine monthly quarterly facility laboratory lab observatory
  brewery brewing studios records labs laboratories manufacturing construction enterprises ventures
  institution institutions advertiser enquirer inquirer management patrol
`);

/** Organisations known by one word: names in their own right, not generic words like "Office". */
export const PROPER_ORGS = words(`
  kremlin pentagon reuters afp tass xinhua bloomberg interfax anadolu taliban hezbollah hamas nato opec
  twitter facebook google youtube instagram wikipedia microsoft netflix reddit snapchat tiktok whatsapp linkedin
  uber airbnb sony nintendo samsung ibm intel cnn bbc nbc cbs msnbc npr espn
`);

/** Organisations whose names are made of words that would read as a place or an adjective ("Islamic State"). */
export const PROPER_ORG_PHRASES = new Set([
  'islamic state', 'al qaeda', 'al qaida', 'muslim brotherhood', 'red cross', 'red crescent', 'white house',
  'downing street', 'wall street', 'capitol hill',
]);

/**
 * Upper-case short words that are not organisations: Roman numerals, eras, units, common
 * abbreviations of things ("TV", "DNA", "MRI") and of roles ("CEO", "MP").
 */
export const NOT_ORG_ACRONYMS = words(`
  tv ok dna rna mri ct hiv aids adhd ceo cfo coo cto mp mep pm am bc ad bce ce gdp id iq pc it ufo suv cctv
  usb gps faq lgbt lgbtq phd md rn diy vip ai vr ar atm pin sms pdf html url gmt utc est pst edt pdt
  bst cet mph kph kg km cm mm ml rip lol omg fyi asap aka nb ps
`);
export const ROMAN_NUMERAL = /^(?=[MDCLXVI]{2,})M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
for (const w of PROPER_ORGS) ORG_WORDS.add(w);

/** Words inside a name that make it a place. */
export const PLACE_WORDS = words(`
  city town village county province region district state republic island islands isle sea ocean river lake
  bay gulf strait coast valley mountain mountains mount mt hills hill peninsula desert harbour harbor port
  street road avenue square bridge heights plain plains delta basin canyon forest park beach cape point
  airport stadium hotel museum
  boulevard blvd highway freeway motorway parkway plaza lane grove belt
  mosque fortress fort abbey cathedral basilica palace apartments ranges
  theatre theater restaurant steakhouse
  pass mall
`);

/** Prepositions after which a capitalised name is most often a place ("in Vienna", "near Aleppo"). */
// "to", "from", "at" and "with" precede people and organisations as often as places ("told
// Reuters", "a letter from Smith", "at Nordhavn Chemicals"), so they are no cue.
export const PLACE_PREPOSITIONS = words('in near into across outside throughout inside');

/** Countries, capitals and regions: a name found here is a place. */
export const GAZETTEER = new Set(
  `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
  bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria
  burkina burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia
  denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia
  georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia
  iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos
  latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives
  mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique
  myanmar burma namibia nauru nepal netherlands holland nicaragua niger nigeria norway oman pakistan palau
  palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia
  seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan
  tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan
  vanuatu venezuela vietnam yemen zambia zimbabwe england scotland wales britain europe asia africa america
  antarctica oceania crimea kurdistan gaza chechnya tibet kashmir us usa uk uae dc
  kabul tirana algiers luanda yerevan canberra vienna baku dhaka minsk brussels sofia ottawa beijing bogota
  havana prague copenhagen cairo tallinn helsinki paris berlin athens budapest reykjavik delhi jakarta tehran
  baghdad dublin jerusalem rome tokyo amman astana nairobi beirut tripoli vilnius valletta
  kathmandu amsterdam oslo muscat islamabad lima manila warsaw lisbon doha bucharest moscow riyadh dakar
  belgrade bratislava ljubljana mogadishu madrid khartoum stockholm bern geneva zurich damascus taipei bangkok
  tunis ankara istanbul kiev kyiv kampala montevideo caracas hanoi sanaa lusaka harare london washington
  alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois
  indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
  montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin
  wyoming
  queensland tasmania ontario quebec alberta manitoba saskatchewan newfoundland
  edinburgh cardiff belfast sochi aleppo homs idlib raqqa mosul basra ramallah kandahar
  chicago houston boston shanghai mumbai karachi lagos johannesburg sydney melbourne toronto montreal
  vancouver milan munich hamburg frankfurt barcelona marseille lyon rotterdam antwerp gdansk
  seoul pyongyang wellington brasilia quito asuncion managua tegucigalpa nassau accra abuja kigali kinshasa
  brazzaville yaounde libreville bamako niamey ouagadougou conakry freetown monrovia nouakchott banjul asmara
  juba lilongwe antananarivo tbilisi chisinau skopje podgorica sarajevo zagreb riga pristina nicosia ashgabat
  dushanbe bishkek tashkent ulaanbaatar naypyidaw vientiane dili colombo thimphu rabat maputo windhoek
  gaborone pretoria mbabane maseru harare dodoma djibouti benghazi misrata fallujah tikrit kirkuk erbil
  osaka kyoto busan incheon guangzhou shenzhen wuhan chengdu chongqing tianjin kolkata chennai bengaluru
  hyderabad lahore peshawar quetta kandahar herat mazar jalalabad tabriz isfahan mashhad izmir
  seattle atlanta dallas denver miami philadelphia phoenix detroit baltimore pittsburgh cleveland cincinnati
  minneapolis milwaukee nashville memphis orlando tampa sacramento indianapolis jacksonville oakland
  honolulu anchorage albuquerque tucson omaha tulsa louisville raleigh brooklyn manhattan bronx`
    .split(/\s+/)
    .filter(Boolean),
);

/** Multi-word places that the single-word gazetteer cannot hold. */
export const GAZETTEER_PHRASES = new Set(
  [
    'united states', 'united kingdom', 'united arab emirates', 'saudi arabia', 'south africa', 'north korea',
    'south korea', 'new zealand', 'sri lanka', 'costa rica', 'el salvador', 'ivory coast', 'czech republic',
    'dominican republic', 'east timor', 'papua new guinea', 'sierra leone', 'south sudan', 'north macedonia',
    'middle east', 'latin america', 'north america', 'south america', 'west bank', 'gaza strip', 'golan heights',
    'new hampshire', 'new jersey', 'new mexico', 'north carolina', 'south carolina', 'north dakota',
    'south dakota', 'rhode island', 'west virginia', 'washington state', 'san francisco', 'san diego',
    'san antonio', 'las vegas', 'fort worth', 'salt lake city', 'st louis', 'st petersburg',
    'black sea', 'red sea', 'mediterranean sea', 'persian gulf', 'new york', 'los angeles', 'hong kong',
    'kuala lumpur', 'new delhi', 'buenos aires', 'rio de janeiro', 'sao paulo', 'tel aviv', 'abu dhabi',
    'russian federation',
    'new south wales', 'western australia', 'south australia', 'northern territory', 'british columbia',
    'nova scotia', 'new brunswick',
  ],
);

/** Adjectives of nationality: "Russian Foreign Minister" names Russia's minister, not a "Russian". */
export const DEMONYMS = words(`
  american british english scottish welsh irish french german italian spanish portuguese dutch belgian swiss
  austrian swedish norwegian danish finnish icelandic polish czech slovak hungarian romanian bulgarian greek
  turkish russian ukrainian belarusian georgian armenian azerbaijani kazakh uzbek iranian iraqi syrian lebanese
  israeli palestinian jordanian saudi emirati qatari kuwaiti yemeni omani egyptian libyan tunisian algerian
  moroccan sudanese ethiopian somali kenyan nigerian ghanaian african chinese japanese korean taiwanese
  vietnamese thai indian pakistani afghan bangladeshi indonesian malaysian filipino australian canadian
  mexican brazilian argentine argentinian chilean colombian venezuelan peruvian cuban european asian arab
  western eastern northern southern kurdish persian serbian croatian bosnian albanian estonian latvian
  lithuanian maltese cypriot
  turk kurd arab serb croat swede dane finn scot brit jew
  democratic republican democrat democrats republicans conservative conservatives liberal liberals socialist
  socialists communist communists christian christians muslim muslims jewish catholic catholics protestant
  islamist islamists sunni shia shiite evangelical
  nazi nazis roman romans soviet ottoman byzantine victorian
`);

/** Capitalised words that open sentences but never names. */
export const NOT_NAMES = words(`
  the a an this that these those it its he she they we you i his her their our my your there here then
  but and or so yet for nor if when while after before since as at in on of to by with from into over under
  about above across against along among around because despite during except following including inside
  like near outside per through throughout toward towards until upon via within without although though
  however meanwhile moreover furthermore nevertheless instead still also earlier later today yesterday tomorrow
  tonight now once some many most more several few all both each every other another such no not none
  what which who whom whose where why how according asked speaking reporting additional related read more
  photo image video watch comments comment reply share tags tag category sign subscribe advertisement
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  mr mrs ms dr west east north south god i'm i've i'll i'd christmas easter thanksgiving halloween ramadan
  yes no okay oh well hey hi
  starring featuring introducing presenting
`);

/** Lower-case nouns after a name that make it a place ("the Kessel Point district"), or before "of" ("the port of Velmar"). */
export const PLACE_NOUNS = words(`
  district area region province neighbourhood neighborhood suburb county town city village valley port harbour
  harbor coast island capital state municipality borough quarter ward wards estate block
`);

/** Lower-case words after a name that make it an organisation ("the Green Civic candidate", "Kremlin spokesman"). */
export const ORG_FOLLOWERS = words(`
  candidate candidates list party spokesman spokeswoman spokesperson official officials members member supporters
  campaign leadership board shares shareholders staff employees workers executives chairman
`);

/**
 * Common given names from many languages: a name that starts with one reads as a person's even
 * when an article or a preposition hints otherwise ("the Kurt Cobain estate", "to Greg Stokes").
 */
export const FIRST_NAMES = words(`
  aaron adam adrian ahmad ahmed aisha alan albert alex alexander alexandra alexei ali alice alicia amanda amy
  ana andrea andrew andrei angela anna anne anthony antonio arthur barbara ben benjamin bernard bill bob
  boris brian bruce carlos carol caroline catherine charles charlie chen chris christian christina christine
  christopher claire claude daniel david deborah dennis diana diane dmitry donald edward elena elizabeth
  emily emma eric fatima felipe fernando francesca frances francis frank fred gabriel gary george gerald
  giovanni greg gregory hannah hans harry hassan helen henry hugo ibrahim igor ingrid isaac ivan jack jacob
  james jan jane janet jason jean jeff jeffrey jennifer jessica jim joan joe johannes john jonathan jorge jose
  joseph juan julia julie karen karl kate katherine kevin kim kurt larry laura lee leonardo li linda lisa liu
  lucy luis maria marie mark martin mary matt matthew michael michelle mike mohamed mohammad mohammed muhammad
  nancy natalia nicholas nicole olga omar oscar pablo patricia paul pedro peter philip pierre rachel rafael
  ramon raymond rebecca richard rick robert roberto ronald rosa ruth ryan sam samuel sandra sara sarah scott
  sean sergei sergey sharon simon sophie stephen steve steven susan thomas tim timothy todd tom tony vladimir
  walter wang wei william yusuf zhang
  abdul abdullah adriana agnes ahmet aleksandr alexandre alfred alison allison amber andre andrés andres
  angelo anita anton antonia antoine arnold ashley audrey barry beatrice ben betty beverly bill billy bobby
  bradley brenda brett bruno bryan carl carla carmen catalina cecilia chad charlotte cheryl chloe cindy clara
  clarence claudia colin connor craig crystal cynthia dale dan dana danielle darren dave dean debbie denise
  derek diego dmitri dominic don donna doris dorothy douglas duncan dylan eddie edgar eduardo edwin eileen
  elaine eleanor eli elias elijah elif elise ella ellen elliot emilia emmanuel enrique erik erin ernest esther
  ethan eva evan evelyn fabio faisal farah felix fiona frances francesco franco françois frederick
  gabriela gareth gavin gene gerard gerry gina giuseppe glenn gloria gordon grace graham grant gustavo
  hailey hakan hamid hans harold harvey hazel heather heidi helena herbert hector holly howard hussein ian
  ines inés irene iris isabel isabella ivana jacqueline jade jamal jamie janice jared javier jay jayden jean
  jeremy jerome jerry jesse jill joanna jocelyn joel johan johnny jon jonas jordan jorge josef joshua
  joyce judith judy julian julien justin kai kamal karim karina katarzyna katie keith kelly ken kenneth kenji
  kerry khalid kim kirsten klaus kristen kyle lars laurent lauren leah leila leo leon leonard leslie lewis
  liam lily lin lorenzo lori louis louise lucas luca lucia luke lynn magnus mahmoud malcolm manuel marc marco
  marcus margaret margarita maria mariana marina mario marion marjorie marta martha marvin mathieu maurice max
  maya megan mehmet melanie melissa mia miguel mikhail miles milan min mira miriam mitchell mohamed monica
  morgan mustafa nadia naomi nasser natasha nathan neil nelson nick nicolas nigel nikolai nina noah noel nora
  norman oliver olivia owen pamela pascal patrick paula pauline penelope phil philippe phyllis pietro piotr
  priya rahul ralph ramona randy raúl raul ray reza ricardo rita rob robin rodrigo roger roland ron rose
  roy ruby rudolf russell sabine sally salma salvatore sami sandra santiago sasha saul sebastian selena
  sergio shane shannon sheila shirley silvia sofia sonia stanley stefan stella stuart sue sven sylvia tamara
  tanya tariq ted teresa terry theresa tina tobias travis trevor tyler valentina valerie vanessa vera
  veronica vicky victor vincent viktor wayne wendy wesley whitney wilson yasmin yuri yvonne
  zachary zoe
`);

/**
 * Units and parts of machines written in capitals ("500 MW", "a GPU", "8 GB"): measures and
 * things, never organisations. Added to NOT_ORG_ACRONYMS below.
 */
const UNIT_AND_PART_ACRONYMS = words(`
  mw kw gw tw kwh mwh gwh gb mb tb kb ghz mhz khz hz hf lf vhf uhf cpu gpu hdd ssd ram rom led lcd oled
  dslr slr rpm psi nm ppm ppb mpg
`);
for (const w of UNIT_AND_PART_ACRONYMS) NOT_ORG_ACRONYMS.add(w);

/** Languages named on their own ("from the Mandarin for rainbow"): not an organisation or a place. */
export const LANGUAGES = words(`
  mandarin cantonese arabic hindi urdu bengali punjabi swahili latin hebrew yiddish farsi pashto dari tagalog
  esperanto sanskrit gaelic catalan basque tamil telugu amharic hausa yoruba zulu xhosa afrikaans quechua
  aramaic
`);

/**
 * Geological and archaeological time: a name holding one of these words ("the Jurassic Period",
 * "Late Neolithic", "Middle Stone Age") names a span of time, not a body or a place.
 */
export const TIME_SPAN_WORDS = words(`
  jurassic triassic cretaceous permian cambrian devonian silurian ordovician carboniferous precambrian
  paleocene eocene oligocene miocene pliocene pleistocene holocene neogene paleogene quaternary mesozoic
  cenozoic paleozoic palaeozoic neolithic paleolithic palaeolithic mesolithic chalcolithic
`);
/** Last words that make a name a span of time or a rock unit ("Late Antiquity", "Tiaojishan Formation"). */
export const TIME_SPAN_ENDINGS = words('period era epoch age ages eon aeon antiquity formation');

/**
 * Last words that make a name a thing's: awards, events and spacecraft ("the Halvard Medal",
 * "the Brenner Event", "the Osprey Solar Probe"). The body that gives an award is named apart.
 */
export const THING_ENDINGS = words('medal medals prize prizes award awards trophy event incident probe telescope rover spacecraft satellite');

/**
 * Scientific journals known by ordinary words ("published in Nature", "in Current Biology").
 * A journal is a publication: typed organisation, as newspapers are.
 */
export const JOURNALS = new Set([
  'nature', 'science', 'cell', 'lancet', 'the lancet', 'current biology', 'nature communications', 'plos one',
  'scientific reports', 'science advances', 'nature genetics', 'nature medicine', 'nature neuroscience',
  'nature climate change', 'nature geoscience', 'nature ecology and evolution', 'pnas', 'jama', 'bmj',
  'neuron', 'pediatrics', 'circulation', 'icarus', 'heliyon', 'elife',
]);

/** Words of a reference to a part of a paper ("Supplementary Figs. 3", "Table 2"): no name. */
export const FIGURE_WORDS = words('fig fig. figs figs. figure figures table tables supplementary appendix eq eq. equation equations suppl');

/** Bodies of the sky: named things, neither organisations nor places on a map. */
export const CELESTIAL = new Set([
  'earth', 'sun', 'moon', 'mars', 'venus', 'jupiter', 'saturn', 'uranus', 'neptune', 'pluto', 'mercury',
  'solar system', 'milky way', 'the sun', 'the moon', 'blue moon', 'blood moon', 'supermoon',
]);

/**
 * Lower-case nouns of kind right before a name that make it an organisation ("proxy adviser
 * firm Halden Ross", "the carmaker Velto", "the website Brightside"), as role nouns make people.
 */
export const ORG_KIND_NOUNS = words(`
  firm company companies giant maker retailer startup start-up carrier manufacturer insurer lender brand
  chain outlet website newspaper magazine broadcaster network label publisher conglomerate automaker
  carmaker airline supermarket charity nonprofit non-profit band agency service
`);

/**
 * Lower-case nouns after a name that make it the name of a thing ("the Velden algorithm", "the
 * Marrow virus", "the Tolley scale"): methods, measures, diseases, products.
 */
export const THING_FOLLOWERS = words(`
  algorithm algorithms method methods technique model theorem equation index scale test score syndrome
  disease virus bacterium strain vaccine drug effect software app apps console consoles smartphone handset
`);

/**
 * US state abbreviations, postal ("VA", "NC") and news-style ("Va.", "N.C.", "Calif."), folded to
 * lower case without periods. Many are also words or initials ("IN", "OR", "Miss."), so they
 * count only after "<Name>, " ("Charlottesville, Va.", "Mebane, N.C.").
 */
export const STATE_ABBREVIATIONS = words(`
  al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd
  oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc
  ala ariz ark calif colo conn del fla ill ind kan ky md mass mich minn miss mont neb nev okla ore tenn
  tex wash wis wyo wva
`);

/** Last words of streets' names ("East 84th Terrace", "Drury Circle"). */
export const STREET_WORDS = words('street avenue road boulevard terrace drive lane circle parkway');

/** Words a road's number follows ("Interstate 435", "Highway 20", "FM 78"). */
export const ROAD_WORDS = words('interstate highway route freeway motorway fm');

/** The US states named in one word: the places their abbreviations ("Conn.", "VA") stand for. */
export const US_STATES = words(`
  alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
  illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
  mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
  vermont virginia washington wisconsin wyoming
`);

/**
 * Last words of the names of events, wars and holidays ("Winter Olympics", "Cold War", "New
 * Year", "Memorial Day"): things that happen, not actors. The first group names an event alone too.
 */
export const EVENT_ALONE = words('olympics paralympics olympiad');
export const EVENT_ENDINGS = words('olympics paralympics olympiad games war championship championships cup marathon festival tournament year day eve');
