package io.herald.user.seed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import net.datafaker.Faker;

/**
 * Deterministic fake users: user number {@code n} of a seed is always the same person, however
 * the seeding is split into batches or resumed after a crash.
 *
 * <p>Datafaker supplies the vocabulary (its English first and last names) once; each user is then
 * drawn from it with a generator seeded by (seed, n), which costs well under a microsecond, where
 * calling datafaker per user costs tens. Addresses use the reserved {@code example.*} domains and
 * phone numbers the fictional 555 exchange, so that a misconfigured sender reaches nobody real.
 * Immutable and thread-safe.
 */
final class FakeUsers {

    private static final String[] DOMAINS = {"example.com", "example.org", "example.net"};
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final long seed;
    private final List<String> firstNames;
    private final List<String> lastNames;
    // the same names as e-mail local parts, computed once rather than per user
    private final List<String> firstLocals;
    private final List<String> lastLocals;
    private final List<String> categories;
    private final List<String> channels;

    /**
     * Loads datafaker's vocabulary (parses its YAML: about a second, once).
     *
     * @param categories the categories users pick 1–3 of
     * @param channels the channels users pick 1–3 of
     */
    FakeUsers(long seed, List<String> categories, List<String> channels) {
        if (categories.isEmpty() || channels.isEmpty()) {
            throw new IllegalArgumentException("fake users need at least one category and one channel");
        }
        Faker faker = new Faker(Locale.ENGLISH, new Random(seed));
        List<String> first = new ArrayList<>(words(faker, "name.male_first_name"));
        first.addAll(words(faker, "name.female_first_name"));
        this.seed = seed;
        this.firstNames = List.copyOf(new LinkedHashSet<>(first));
        this.lastNames = words(faker, "name.last_name");
        this.firstLocals = firstNames.stream().map(FakeUsers::local).toList();
        this.lastLocals = lastNames.stream().map(FakeUsers::local).toList();
        this.categories = List.copyOf(categories);
        this.channels = List.copyOf(channels);
    }

    /** User number {@code n} (from 0). */
    FakeUser user(long n) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        int first = random.nextInt(firstNames.size());
        int last = random.nextInt(lastNames.size());
        List<String> chosenChannels = pick(channels, random);
        String email = firstLocals.get(first) + "." + lastLocals.get(last) + n + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
        String phone = chosenChannels.contains("sms") ? phone(random) : null;
        String token = chosenChannels.contains("push") ? token(random) : null;
        return new FakeUser(firstNames.get(first) + " " + lastNames.get(last), email, phone, token,
                pick(categories, random), chosenChannels);
    }

    /** 1 to 3 distinct values (fewer when there are fewer), in the list's order. */
    private static List<String> pick(List<String> values, SplittableRandom random) {
        int count = 1 + random.nextInt(Math.min(3, values.size()));
        List<Integer> indexes = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            indexes.add(i);
        }
        List<String> picked = new ArrayList<>(count);
        boolean[] chosen = new boolean[values.size()];
        for (int i = 0; i < count; i++) {
            int at = random.nextInt(indexes.size());
            chosen[indexes.remove(at)] = true;
        }
        for (int i = 0; i < values.size(); i++) {
            if (chosen[i]) {
                picked.add(values.get(i));
            }
        }
        return picked;
    }

    /** E.164, North American numbering, 555 exchange: {@code +1 NXX 555 XXXX}. */
    private static String phone(SplittableRandom random) {
        int line = 10_000 + random.nextInt(10_000);
        return "+1" + (200 + random.nextInt(800)) + "555" + Integer.toString(line).substring(1);
    }

    /** 32 random bytes as hex, the shape of an APNs device token. */
    private static String token(SplittableRandom random) {
        char[] out = new char[64];
        for (int i = 0; i < out.length; i += 16) {
            long bits = random.nextLong();
            for (int j = 0; j < 16; j++) {
                out[i + j] = HEX[(int) (bits >>> (j * 4)) & 0xF];
            }
        }
        return new String(out);
    }

    private static String local(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    @SuppressWarnings("unchecked")
    private static List<String> words(Faker faker, String key) {
        Object value = faker.fakeValuesService().fetchObject(key, faker.getContext());
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException("datafaker has no list '" + key + "'");
        }
        return ((List<Object>) list).stream().map(String::valueOf).filter(w -> !w.contains("#{")).toList();
    }
}
