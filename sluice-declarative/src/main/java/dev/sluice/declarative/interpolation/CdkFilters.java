package dev.sluice.declarative.interpolation;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/** The CDK's filters (interpolation.md §5): hashing, base64, JSON-quoting {@code string}, regular expressions. */
final class CdkFilters {

    private static final Map<String, String> DIGESTS = Map.ofEntries(
            Map.entry("md5", "MD5"), Map.entry("sha1", "SHA-1"), Map.entry("sha224", "SHA-224"),
            Map.entry("sha256", "SHA-256"), Map.entry("sha384", "SHA-384"), Map.entry("sha512", "SHA-512"),
            Map.entry("sha512_224", "SHA-512/224"), Map.entry("sha512_256", "SHA-512/256"),
            Map.entry("sha3_224", "SHA3-224"), Map.entry("sha3_256", "SHA3-256"), Map.entry("sha3_384", "SHA3-384"),
            Map.entry("sha3_512", "SHA3-512"));

    private CdkFilters() {
    }

    static void register(Map<String, Filters.Filter> filters) {
        filters.put("hash", (value, args, frame) -> {
            @Nullable Object[] bound = args.bind("hash", 0, "hash_type", "salt");
            return hash(value, bound[0] == null ? "md5" : PyText.str(bound[0]), bound[1]);
        });
        filters.put("base64encode", (value, args, frame) ->
                Base64.getEncoder().encodeToString(utf8(value, "base64encode", args)));
        filters.put("base64decode", (value, args, frame) -> base64Decode(utf8(value, "base64decode", args)));
        filters.put("base64binascii_decode", (value, args, frame) -> {
            String text = new String(utf8(value, "base64binascii_decode", args), StandardCharsets.UTF_8);
            if (!text.chars().allMatch(c -> c < 128)) {
                throw PyErrors.valueError("UnicodeEncodeError: 'ascii' codec can't encode characters");
            }
            return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
        });
        filters.put("string", (value, args, frame) -> {
            args.bind("string", 0);
            return value instanceof String ? value : "\"\"\"" + JsonText.dumps(value, false, -1) + "\"\"\"";
        });
        filters.put("regex_search", (value, args, frame) -> {
            Object regex = args.bind("regex_search", 1, "regex")[0];
            Matcher matcher = PyRegex.compile(pattern(regex)).matcher(subject(value));
            if (matcher.find() && matcher.groupCount() > 0) {
                String group = matcher.group(1);
                return group == null ? PyNone.NONE : group;
            }
            return "";
        });
        filters.put("regex_replace", (value, args, frame) -> {
            @Nullable Object[] bound = args.bind("regex_replace", 2, "regex", "replacement");
            return regexReplace(subject(value), PyRegex.compile(pattern(bound[0])), PyText.str(bound[1]));
        });
        filters.put("hmac", (value, args, frame) -> {
            @Nullable Object[] bound = args.bind("hmac", 1, "key", "hash_type");
            return hmac(value, bound[0], bound[1] == null ? "sha256" : PyText.str(bound[1]));
        });
    }

    private static byte[] utf8(Object value, String filter, Args args) {
        args.bind(filter, 0);
        if (value instanceof Undefined) {
            throw ((Undefined) value).error();
        }
        if (!(value instanceof String)) {
            throw PyErrors.valueError("AttributeError: '" + Py.typeName(value) + "' object has no attribute 'encode'");
        }
        return ((String) value).getBytes(StandardCharsets.UTF_8);
    }

    /** Python's non-validating {@code b64decode}: characters outside the alphabet are dropped, padding is checked. */
    private static String base64Decode(byte[] encoded) {
        StringBuilder kept = new StringBuilder();
        for (byte b : encoded) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=') {
                kept.append(c);
            }
        }
        String text = kept.toString();
        int padding = text.indexOf('=');
        String data = padding < 0 ? text : text.substring(0, padding);
        if (data.length() % 4 == 1 || padding < 0 && data.length() % 4 != 0) {
            throw PyErrors.valueError("binascii.Error: Incorrect padding");
        }
        byte[] bytes = Base64.getDecoder().decode(data + "=".repeat((4 - data.length() % 4) % 4));
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw PyErrors.valueError("UnicodeDecodeError: 'utf-8' codec can't decode the decoded bytes");
        }
    }

    private static String hash(Object value, String type, @Nullable Object salt) {
        String algorithm = DIGESTS.get(type);
        if (algorithm == null) {
            throw PyErrors.valueError("AttributeError: No hashing function named " + type);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            digest.update(PyText.str(value).getBytes(StandardCharsets.UTF_8));
            if (salt != null && Py.truthy(salt)) {
                digest.update(PyText.str(salt).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw PyErrors.valueError("hash algorithm " + type + " is not available on this JVM");
        }
    }

    private static String hmac(Object value, @Nullable Object key, String type) {
        if (!type.equals("sha256")) {
            throw PyErrors.valueError("Hash type '" + type + "' is not allowed. Allowed types: sha256");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] secret = PyText.str(key).getBytes(StandardCharsets.UTF_8);
            // An empty key is legal in Python's hmac; the JCE refuses empty key specs, so pad with the HMAC rule.
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[64] : secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(PyText.str(value).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw PyErrors.valueError("HMAC-SHA256 is not available: " + e.getMessage());
        }
    }

    private static String subject(Object value) {
        if (!(value instanceof String)) {
            throw PyErrors.typeError("expected string or bytes-like object, got '" + Py.typeName(value) + "'");
        }
        return (String) value;
    }

    private static String pattern(Object regex) {
        if (!(regex instanceof String)) {
            throw PyErrors.typeError("first argument must be string or compiled pattern");
        }
        return (String) regex;
    }

    /** Python's {@code re.sub}: {@code \1}, {@code \g<1>}, {@code \g<name>} and escapes in the replacement. */
    private static String regexReplace(String subject, PyRegex regex, String replacement) {
        Matcher matcher = regex.matcher(subject);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(subject, last, matcher.start());
            appendReplacement(out, matcher, regex, replacement);
            Limits.checkString(out.length());
            last = matcher.end();
        }
        if (last < subject.length()) {
            out.append(subject, last, subject.length());
        }
        return out.toString();
    }

    private static void appendReplacement(StringBuilder out, Matcher matcher, PyRegex regex, String replacement) {
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c != '\\' || i + 1 >= replacement.length()) {
                out.append(c);
                continue;
            }
            char next = replacement.charAt(++i);
            if (Character.isDigit(next)) {
                int end = i + 1 < replacement.length() && Character.isDigit(replacement.charAt(i + 1)) ? i + 2 : i + 1;
                appendGroup(out, matcher, Integer.parseInt(replacement.substring(i, end)));
                i = end - 1;
            } else if (next == 'g' && i + 1 < replacement.length() && replacement.charAt(i + 1) == '<') {
                int close = replacement.indexOf('>', i);
                if (close < 0) {
                    throw PyErrors.valueError("re.error: missing >, unterminated name");
                }
                String name = replacement.substring(i + 2, close);
                @Nullable Integer number = PyNumbers.isIndex(name) && name.length() < 9 ? Integer.valueOf(name)
                        : regex.groupNumbers.get(name);
                if (number == null) {
                    throw PyErrors.valueError("IndexError: unknown group name '" + name + "'");
                }
                appendGroup(out, matcher, number);
                i = close;
            } else {
                String escaped = Escapes.unescape("\\" + next, false);
                if (escaped.startsWith("\\") && Character.isLetter(next)) {
                    throw PyErrors.valueError("re.error: bad escape \\" + next);
                }
                out.append(escaped);
            }
        }
    }

    private static void appendGroup(StringBuilder out, Matcher matcher, int group) {
        if (group > matcher.groupCount()) {
            throw PyErrors.valueError("re.error: invalid group reference " + group);
        }
        String text = matcher.group(group);
        if (text != null) {
            out.append(text);
        }
    }
}
