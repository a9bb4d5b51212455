package dev.nps.engine.text;

/**
 * The Porter (1980) stemmer for English, so that "delivery", "delivered" and "deliveries" meet in one stem.
 * Stateless; input is a lower-case word.
 */
final class PorterStemmer {
    private PorterStemmer() {}

    static String stem(String word) {
        if (word.length() <= 2) {
            return word;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 'a' || c > 'z') {
                return word;
            }
        }
        Word w = new Word(word);
        w.step1a();
        w.step1b();
        w.step1c();
        w.step2();
        w.step3();
        w.step4();
        w.step5();
        return w.toString();
    }

    private static final class Word {
        private final char[] b;
        private int k;
        private int j;

        Word(String s) {
            b = s.toCharArray();
            k = b.length - 1;
        }

        @Override
        public String toString() {
            return new String(b, 0, k + 1);
        }

        private boolean cons(int i) {
            switch (b[i]) {
                case 'a', 'e', 'i', 'o', 'u':
                    return false;
                case 'y':
                    return i == 0 || !cons(i - 1);
                default:
                    return true;
            }
        }

        /** Number of VC sequences in b[0..j]. */
        private int m() {
            int n = 0;
            int i = 0;
            while (true) {
                if (i > j) {
                    return n;
                }
                if (!cons(i)) {
                    break;
                }
                i++;
            }
            i++;
            while (true) {
                while (true) {
                    if (i > j) {
                        return n;
                    }
                    if (cons(i)) {
                        break;
                    }
                    i++;
                }
                i++;
                n++;
                while (true) {
                    if (i > j) {
                        return n;
                    }
                    if (!cons(i)) {
                        break;
                    }
                    i++;
                }
                i++;
            }
        }

        private boolean vowelInStem() {
            for (int i = 0; i <= j; i++) {
                if (!cons(i)) {
                    return true;
                }
            }
            return false;
        }

        private boolean doubleC(int i) {
            return i >= 1 && b[i] == b[i - 1] && cons(i);
        }

        private boolean cvc(int i) {
            if (i < 2 || !cons(i) || cons(i - 1) || !cons(i - 2)) {
                return false;
            }
            char ch = b[i];
            return ch != 'w' && ch != 'x' && ch != 'y';
        }

        private boolean ends(String s) {
            int l = s.length();
            int o = k - l + 1;
            if (o < 0) {
                return false;
            }
            for (int i = 0; i < l; i++) {
                if (b[o + i] != s.charAt(i)) {
                    return false;
                }
            }
            j = k - l;
            return true;
        }

        private void setTo(String s) {
            int l = s.length();
            int o = j + 1;
            for (int i = 0; i < l; i++) {
                b[o + i] = s.charAt(i);
            }
            k = j + l;
        }

        private void r(String s) {
            if (m() > 0) {
                setTo(s);
            }
        }

        void step1a() {
            if (b[k] == 's') {
                if (ends("sses")) {
                    k -= 2;
                } else if (ends("ies")) {
                    setTo("i");
                } else if (b[k - 1] != 's') {
                    k--;
                }
            }
        }

        void step1b() {
            if (ends("eed")) {
                if (m() > 0) {
                    k--;
                }
            } else if ((ends("ed") || ends("ing")) && vowelInStem()) {
                k = j;
                if (ends("at")) {
                    setTo("ate");
                } else if (ends("bl")) {
                    setTo("ble");
                } else if (ends("iz")) {
                    setTo("ize");
                } else if (doubleC(k)) {
                    k--;
                    char ch = b[k];
                    if (ch == 'l' || ch == 's' || ch == 'z') {
                        k++;
                    }
                } else {
                    j = k;
                    if (m() == 1 && cvc(k)) {
                        setTo("e");
                    }
                }
            }
        }

        void step1c() {
            if (ends("y") && vowelInStem()) {
                b[k] = 'i';
            }
        }

        void step2() {
            if (k == 0) {
                return;
            }
            switch (b[k - 1]) {
                case 'a' -> {
                    if (ends("ational")) {
                        r("ate");
                    } else if (ends("tional")) {
                        r("tion");
                    }
                }
                case 'c' -> {
                    if (ends("enci")) {
                        r("ence");
                    } else if (ends("anci")) {
                        r("ance");
                    }
                }
                case 'e' -> {
                    if (ends("izer")) {
                        r("ize");
                    }
                }
                case 'l' -> {
                    if (ends("bli")) {
                        r("ble");
                    } else if (ends("alli")) {
                        r("al");
                    } else if (ends("entli")) {
                        r("ent");
                    } else if (ends("eli")) {
                        r("e");
                    } else if (ends("ousli")) {
                        r("ous");
                    }
                }
                case 'o' -> {
                    if (ends("ization")) {
                        r("ize");
                    } else if (ends("ation")) {
                        r("ate");
                    } else if (ends("ator")) {
                        r("ate");
                    }
                }
                case 's' -> {
                    if (ends("alism")) {
                        r("al");
                    } else if (ends("iveness")) {
                        r("ive");
                    } else if (ends("fulness")) {
                        r("ful");
                    } else if (ends("ousness")) {
                        r("ous");
                    }
                }
                case 't' -> {
                    if (ends("aliti")) {
                        r("al");
                    } else if (ends("iviti")) {
                        r("ive");
                    } else if (ends("biliti")) {
                        r("ble");
                    }
                }
                case 'g' -> {
                    if (ends("logi")) {
                        r("log");
                    }
                }
                default -> { }
            }
        }

        void step3() {
            switch (b[k]) {
                case 'e' -> {
                    if (ends("icate")) {
                        r("ic");
                    } else if (ends("ative")) {
                        r("");
                    } else if (ends("alize")) {
                        r("al");
                    }
                }
                case 'i' -> {
                    if (ends("iciti")) {
                        r("ic");
                    }
                }
                case 'l' -> {
                    if (ends("ical")) {
                        r("ic");
                    } else if (ends("ful")) {
                        r("");
                    }
                }
                case 's' -> {
                    if (ends("ness")) {
                        r("");
                    }
                }
                default -> { }
            }
        }

        void step4() {
            if (k == 0) {
                return;
            }
            boolean matched;
            switch (b[k - 1]) {
                case 'a' -> matched = ends("al");
                case 'c' -> matched = ends("ance") || ends("ence");
                case 'e' -> matched = ends("er");
                case 'i' -> matched = ends("ic");
                case 'l' -> matched = ends("able") || ends("ible");
                case 'n' -> matched = ends("ant") || ends("ement") || ends("ment") || ends("ent");
                case 'o' -> matched = (ends("ion") && j >= 0 && (b[j] == 's' || b[j] == 't')) || ends("ou");
                case 's' -> matched = ends("ism");
                case 't' -> matched = ends("ate") || ends("iti");
                case 'u' -> matched = ends("ous");
                case 'v' -> matched = ends("ive");
                case 'z' -> matched = ends("ize");
                default -> matched = false;
            }
            if (matched && m() > 1) {
                k = j;
            }
        }

        void step5() {
            j = k;
            if (b[k] == 'e') {
                int a = m();
                if (a > 1 || (a == 1 && !cvc(k - 1))) {
                    k--;
                }
            }
            if (b[k] == 'l' && doubleC(k) && m() > 1) {
                k--;
            }
        }
    }
}
