"""Place names that news writes like people's names ("New York", "Las Vegas", "South Carolina").

A capitalised pair of words is taken for a person unless it names an institution; these lists
let the rules tell a place too, so "she said" is never resolved to "Las Vegas" and "South
Carolina" alone is no party. Countries, US states, Canadian provinces, Australian states and
the large cities news names most; English spellings (the French and German word lists add
theirs).
"""

from __future__ import annotations


def _names(text: str) -> frozenset[str]:
    return frozenset(" ".join(n.split()) for n in text.split(";") if n.strip())


COUNTRIES = _names(
    """Afghanistan; Albania; Algeria; Andorra; Angola; Argentina; Armenia; Australia; Austria;
    Azerbaijan; Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize; Benin; Bhutan;
    Bolivia; Bosnia; Botswana; Brazil; Brunei; Bulgaria; Burkina Faso; Burundi; Cambodia;
    Cameroon; Canada; Cape Verde; Chad; Chile; China; Colombia; Comoros; Congo; Costa Rica;
    Croatia; Cuba; Cyprus; Czech Republic; Czechia; Denmark; Djibouti; Dominica; Dominican
    Republic; East Timor; Ecuador; Egypt; El Salvador; Eritrea; Estonia; Eswatini; Ethiopia;
    Fiji; Finland; France; Gabon; Gambia; Georgia; Germany; Ghana; Greece; Grenada; Guatemala;
    Guinea; Guyana; Haiti; Honduras; Hong Kong; Hungary; Iceland; India; Indonesia; Iran; Iraq;
    Ireland; Israel; Italy; Ivory Coast; Jamaica; Japan; Jordan; Kazakhstan; Kenya; Kosovo;
    Kuwait; Kyrgyzstan; Laos; Latvia; Lebanon; Lesotho; Liberia; Libya; Liechtenstein;
    Lithuania; Luxembourg; Madagascar; Malawi; Malaysia; Maldives; Mali; Malta; Mauritania;
    Mauritius; Mexico; Moldova; Monaco; Mongolia; Montenegro; Morocco; Mozambique; Myanmar;
    Namibia; Nepal; Netherlands; New Zealand; Nicaragua; Niger; Nigeria; North Korea; North
    Macedonia; Norway; Oman; Pakistan; Palestine; Panama; Papua New Guinea; Paraguay; Peru;
    Philippines; Poland; Portugal; Qatar; Romania; Russia; Rwanda; Saudi Arabia; Senegal; Serbia;
    Sierra Leone; Singapore; Slovakia; Slovenia; Somalia; South Africa; South Korea; South Sudan;
    Spain; Sri Lanka; Sudan; Suriname; Sweden; Switzerland; Syria; Taiwan; Tajikistan;
    Tanzania; Thailand; Togo; Tunisia; Turkey; Turkmenistan; Uganda; Ukraine; United Arab
    Emirates; United Kingdom; United States; Uruguay; Uzbekistan; Venezuela; Vietnam; Yemen;
    Zambia; Zimbabwe; Britain; Great Britain; England; Scotland; Wales; Northern Ireland; Gaza;
    West Bank; Crimea; Kashmir; Tibet; Greenland; Puerto Rico"""
)

REGIONS = _names(
    """Alabama; Alaska; Arizona; Arkansas; California; Colorado; Connecticut; Delaware; Florida;
    Hawaii; Idaho; Illinois; Indiana; Iowa; Kansas; Kentucky; Louisiana; Maine; Maryland;
    Massachusetts; Michigan; Minnesota; Mississippi; Missouri; Montana; Nebraska; Nevada; New
    Hampshire; New Jersey; New Mexico; New York; North Carolina; North Dakota; Ohio; Oklahoma;
    Oregon; Pennsylvania; Rhode Island; South Carolina; South Dakota; Tennessee; Texas; Utah;
    Vermont; Virginia; Washington; West Virginia; Wisconsin; Wyoming; Ontario; Quebec; British
    Columbia; Alberta; Manitoba; Saskatchewan; Nova Scotia; New South Wales; Queensland;
    Victoria; Tasmania; Western Australia; Bavaria; Catalonia; Siberia; Africa; Asia; Europe;
    North America; South America; Latin America; Middle East; Central Asia; Southeast Asia;
    Silicon Valley; Wall Street; Capitol Hill; Midwest; Scandinavia; Balkans; Caribbean"""
)

CITIES = _names(
    """New York City; Los Angeles; Las Vegas; San Francisco; San Diego; San Jose; San Antonio;
    Chicago; Houston; Phoenix; Philadelphia; Dallas; Austin; Seattle; Denver; Boston; Detroit;
    Atlanta; Miami; Orlando; Tampa; Nashville; Memphis; Baltimore; Portland; Minneapolis;
    Cleveland; Pittsburgh; Cincinnati; St. Louis; Kansas City; New Orleans; Salt Lake City;
    Sacramento; Oakland; Honolulu; Anchorage; Washington DC; Toronto; Montreal; Vancouver;
    Ottawa; Calgary; Mexico City; London; Paris; Berlin; Madrid; Barcelona; Rome; Milan; Vienna;
    Brussels; Amsterdam; Geneva; Zurich; Stockholm; Oslo; Copenhagen; Helsinki; Dublin;
    Edinburgh; Manchester; Liverpool; Birmingham; Glasgow; Lisbon; Athens; Warsaw; Prague;
    Budapest; Bucharest; Kyiv; Kiev; Moscow; St. Petersburg; Minsk; Istanbul; Ankara; Tehran;
    Baghdad; Damascus; Beirut; Jerusalem; Tel Aviv; Cairo; Riyadh; Dubai; Abu Dhabi; Doha;
    Kabul; Islamabad; Karachi; Lahore; New Delhi; Delhi; Mumbai; Kolkata; Bangalore; Dhaka;
    Beijing; Shanghai; Hong Kong; Shenzhen; Wuhan; Taipei; Seoul; Pyongyang; Tokyo; Osaka;
    Bangkok; Hanoi; Manila; Jakarta; Kuala Lumpur; Singapore; Sydney; Melbourne; Brisbane;
    Perth; Auckland; Wellington; Lagos; Abuja; Nairobi; Addis Ababa; Johannesburg; Cape Town;
    Khartoum; Kinshasa; Dakar; Accra; Tunis; Algiers; Rabat; Tripoli; Sao Paulo; São Paulo;
    Rio de Janeiro; Buenos Aires; Santiago; Lima; Bogota; Caracas; Havana; Dushanbe; Tashkent;
    Brooklyn; Manhattan; Queens; Bronx; Hollywood; Westminster; Whitehall; Davos; Sioux Falls"""
)

PLACES = COUNTRIES | REGIONS | CITIES

# Single words above that are people's names as often as places ("Michael Jordan", "Victoria
# Beckham", "Denzel Washington"): alone, they stay possible people.
PEOPLE_TOO = _names(
    """Georgia; Jordan; Victoria; Washington; Chad; Austin; Phoenix; Orlando; Santiago; Israel;
    Paris; Sydney; Houston; Dallas; Denver; Alberta; Brooklyn; Virginia; Montana; Perth;
    Lima; Madrid; Mali; Niger; Guinea; Maine; Indiana; Nevada; Dakota; Chelsea; Kent; Queens;
    Lincoln; Jackson; Florence; Regina; Helena; Charlotte; Savannah; Madison"""
)


def is_place(name: str) -> bool:
    """Return whether a name is a place's (a one-word name a person may bear is not)."""
    name = " ".join(name.split())
    return name in PLACES and name not in PEOPLE_TOO
