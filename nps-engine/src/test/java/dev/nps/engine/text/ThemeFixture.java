package dev.nps.engine.text;

import java.util.List;

/** A small batch of customer comments written for the tests. */
final class ThemeFixture {
    private ThemeFixture() {}

    static final List<String> COMMENTS = List.of(
            "Delivery was late again, the parcel arrived three days after the promised date",
            "The courier delivered the parcel late and left it at the wrong door",
            "Fast delivery, the parcel arrived the next day",
            "Delivery took two weeks, the courier never showed up",
            "My parcel arrived late and the box was damaged",
            "The support agent was friendly and solved my problem quickly",
            "Support never called me back, I waited for days",
            "The support team answered my email within an hour, great agent",
            "Customer support was rude and the agent hung up on me",
            "Friendly support agent, very patient",
            "Too expensive for what you get, the price went up again",
            "Good price compared to other shops",
            "The price is fair but the shipping fee is expensive",
            "Prices keep rising, it is getting expensive",
            "I cannot log in, the login page says my password is wrong",
            "Password reset email never came so I cannot log in",
            "The login keeps failing after the password change",
            "Login with my password works again after the update, thanks",
            "Love the new checkout, paying with my card is quick",
            "Great selection of products and a clean website",
            "",
            "   ",
            "👍👍👍");
}
