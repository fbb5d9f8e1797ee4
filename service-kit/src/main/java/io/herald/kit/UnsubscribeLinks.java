package io.herald.kit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed one-click unsubscribe links (RFC 8058; docs/unsubscribe.md): channel-workers put them in
 * campaign mail, user-service honours them at {@code POST <public-url>/unsubscribe/{token}}.
 *
 * <p>A token is {@code base64url("1:<userId>:<category>") + "." + base64url(mac)}, where {@code mac}
 * is the first 16 bytes of HMAC-SHA256 over the payload with the configured secret. It names the
 * user and the category and nothing else, needs no API key, and cannot be made or altered without
 * the secret. Immutable and thread-safe.
 */
public final class UnsubscribeLinks {

    /** Longest token accepted; real ones are well under half of it. */
    public static final int MAX_TOKEN_LENGTH = 300;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{4,250}\\.[A-Za-z0-9_-]{22}");
    private static final Pattern PAYLOAD = Pattern.compile("1:([0-9]{1,18}):([A-Za-z0-9 _.-]{1,64})");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    /** What a valid token names. */
    public record Unsubscribe(String userId, String category) {
    }

    private final SecretKeySpec key;
    private final String baseUrl;
    // one initialised Mac per thread: Mac.getInstance walks the security providers, which costs more
    // than the HMAC itself on the send path (one link per campaign e-mail); a Mac is not thread-safe
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * @param secret the signing secret; blank disables the links ({@link #enabled()} is false)
     * @param publicUrl the base URL at which user-service is reachable by recipients
     */
    public UnsubscribeLinks(String secret, String publicUrl) {
        this.key = secret == null || secret.isBlank() ? null
                : new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        String base = publicUrl == null ? "" : publicUrl.strip();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Whether a secret is configured, so links can be made and checked. */
    public boolean enabled() {
        return key != null;
    }

    /** {@code <public-url>/unsubscribe/<token>} for the user and category. */
    public String url(String userId, String category) {
        return baseUrl + "/unsubscribe/" + token(userId, category);
    }

    /** The token naming {@code userId} and {@code category}. */
    public String token(String userId, String category) {
        if (key == null) {
            throw new IllegalStateException("no unsubscribe secret configured (herald.unsubscribe.secret)");
        }
        byte[] payload = ("1:" + userId + ":" + category).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /**
     * What {@code token} names, or empty when it is not one this secret made (forged, truncated,
     * altered, too long, malformed) or no secret is configured.
     */
    public Optional<Unsubscribe> verify(String token) {
        if (key == null || token == null || token.length() > MAX_TOKEN_LENGTH || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        byte[] payload;
        byte[] mac;
        try {
            payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // canonical encodings only: no second spelling of the same token (unused trailing bits)
        if (!token.equals(ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac))
                || !MessageDigest.isEqual(mac, mac(payload))) {
            return Optional.empty();
        }
        var matcher = PAYLOAD.matcher(new String(payload, StandardCharsets.UTF_8));
        return matcher.matches() ? Optional.of(new Unsubscribe(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    private byte[] mac(byte[] payload) {
        // doFinal resets the Mac to its initialised state, ready for the next payload
        return Arrays.copyOf(macs.get().doFinal(payload), MAC_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
        }
    }
}
