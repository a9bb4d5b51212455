package dev.nps.engine.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stop words, and the small built-in synonym map of customer-feedback topics that seeds theme discovery. A seed
 * theme appears in a discovered model only when the batch mentions it; discovery then grows it with the words used
 * in the same contexts (dish names join "food and drink", "waitress" joins "customer service").
 */
final class ThemeVocabulary {
    private ThemeVocabulary() {}

    static final Set<String> STOP_WORDS = Set.copyOf(java.util.Arrays.asList(("a about above after again against all also am an and any are "
            + "aren't as at be because been before being below between both but by can can't cannot could couldn't "
            + "did didn't do does doesn't doing don't down during each few for from further had hadn't has hasn't have "
            + "haven't having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm "
            + "i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on "
            + "once only or other ought our ours ourselves out over own same shan't she she'd she'll she's should "
            + "shouldn't so some such than that that's the their theirs them themselves then there there's these they "
            + "they'd they'll they're they've this those through to too under until up very was wasn't we we'd we'll "
            + "we're we've were weren't what what's when when's where where's which while who who's whom why why's "
            + "with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves "
            + "im ive dont didnt doesnt cant wont isnt wasnt thats theres ok okay yes yeah oh well just really even "
            + "still also much many lot lots get got gets getting go going goes went gone come came comes coming make "
            + "made makes take took takes say said says tell told know knew think thought want wanted would could "
            + "one two three first last next every ever never always back us will shall may might must thing things "
            + "something anything everything nothing way ways sure give gave put like bit little around though "
            + "keep keeps kept try tried tries trying eat ate eaten eating family full person less end old offer offers main walk "
            + "quite highly seem seems seemed expect expected definitely probably especially pretty rather "
            + "place places restaurant restaurants business company store shop "
            + "exactly need needs needed enough usually often sometimes maybe perhaps else anyway actually totally absolutely able however since yet another within without upon via etc re ll ve s t d m").split(" ")));

    /**
     * Words that never form a theme of their own, though phrases with them may ("wait time", "response time"):
     * "time" is the commonest noun of feedback and alone does not say what a comment is about ("every time",
     * "had a great time", "took a long time"), yet it would gather the words of such comments into a theme.
     */
    static final Set<String> NON_TOPICS = Set.of("time", "times");

    /** Seed topics: label to words and phrases customers use for it. A word belongs to one seed only. */
    static final Map<String, List<String>> SEEDS = seeds();

    private static Map<String, List<String>> seeds() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("price", words("price prices pricing priced cost costs costly expensive cheap cheaper cheapest overpriced "
                + "pricey affordable money worth bill fee fees dollar dollars deal deals discount discounts reasonable "
                + "reasonably budget bargain inexpensive value overpricing underpriced steep splurge wallet free ripoff "
                + "overcharged economical cash paid pay"));
        m.put("customer service", words("service staff support agent agents representative representatives rep reps "
                + "waiter waiters waitress waitresses server servers host hostess manager managers employee employees "
                + "rude friendly attentive polite courteous helpful unhelpful professional personnel bartender "
                + "bartenders receptionist customer_service waitstaff wait_staff hospitality hospitable welcoming greeted "
                + "accommodating knowledgeable inattentive ignored apologetic owner owners proprietor apology treated "
                + "attitude"));
        m.put("delivery time", words("delivery deliveries deliver delivered shipping shipped shipment arrive arrived "
                + "arrival late delay delays delayed wait waiting waited slow quick quickly fast prompt promptly "
                + "minutes minute hour hours"));
        m.put("atmosphere", words("atmosphere ambience ambiance decor music noise noisy loud quiet cozy cosy romantic "
                + "interior seating seats room space view crowded vibe lighting setting clean dirty decoration "
                + "comfortable outdoor patio cramped spacious relaxing relaxed"));
        m.put("food and drink", words("food meal meals dish dishes menu taste tasted tasty flavor flavors flavour "
                + "flavours delicious fresh portion portions drink drinks wine coffee dessert desserts cooked bland "
                + "appetizer appetizers entree entrees cuisine chef kitchen chefs ingredients recipe recipes plate plates "
                + "course courses specials breakfast brunch chicken beef pork lamb fish seafood shrimp salmon steak "
                + "burger burgers sandwich sandwiches salad salads soup soups bread rice noodles pasta pizza sushi "
                + "cheese sauce vegetables vegetarian vegan fries cake chocolate tea beer cocktail cocktails juice "
                + "spicy salty sweet crispy greasy overcooked undercooked stale yummy quantity gross burned burnt "
                + "seasoning spice spices"));
        m.put("product quality", words("quality product products broken defective durable material materials "
                + "sturdy flimsy faulty"));
        m.put("ease of use", words("easy intuitive interface navigate navigation confusing complicated usability "
                + "user_friendly setup"));
        m.put("bugs and reliability", words("bug bugs crash crashes crashing error errors glitch glitches freeze "
                + "freezes reliable reliability outage downtime"));
        m.put("billing", words("billing invoice invoices refund refunds subscription payment payments charged charge "
                + "charges card"));
        m.put("communication", words("email emails reply replies respond response responses contact phone call calls "
                + "called communication update updates"));
        return m;
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split(" ")) {
            out.add(w.replace('_', ' '));
        }
        return List.copyOf(out);
    }
}
