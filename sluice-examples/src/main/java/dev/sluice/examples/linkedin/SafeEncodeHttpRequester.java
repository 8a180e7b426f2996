package dev.sluice.examples.linkedin;

import dev.sluice.declarative.custom.RequestDraft;
import dev.sluice.declarative.custom.RequestPreparer;
import dev.sluice.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * The connector's {@code SafeEncodeHttpRequester}: an {@code HttpRequester} whose query keeps the Rest.li 2.0
 * syntax readable. LinkedIn parses its own structure inside a parameter value ({@code List(...)},
 * {@code (value:CAMPAIGN)}, {@code (start:(year:2024,month:1,day:1),end:(...))}) and refuses it when the
 * parentheses, colons or commas arrive percent-encoded, which is what plain form encoding does. A value that is
 * already percent-encoded where LinkedIn wants it ({@code List(urn%3Ali%3AsponsoredCampaign%3A123)}) is sent as
 * written, so {@code %} is kept too.
 *
 * <p>The query is form-encoded as Python's {@code urlencode(params, safe="():,%")} encodes it: letters, digits,
 * {@code _.-~} and the characters {@code ():,%} unchanged, a space as {@code +}, every other byte of the UTF-8
 * form as {@code %XX}.
 */
public final class SafeEncodeHttpRequester implements RequestPreparer {

    /** The characters LinkedIn's Rest.li syntax needs unencoded, and {@code %} so that pre-encoded URNs pass. */
    static final String KEPT = "():,%";

    @Override
    public HttpRequest prepare(RequestDraft draft) {
        StringJoiner query = new StringJoiner("&");
        for (RequestDraft.QueryParameter parameter : draft.query()) {
            query.add(encode(parameter.name()) + "=" + encode(parameter.value()));
        }
        return draft.withRawQuery(query.toString());
    }

    /** {@code quote_plus(text, safe="():,%")}. */
    static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == ' ') {
                encoded.append('+');
            } else if (c < 0x80 && (Character.isLetterOrDigit(c) || "_.-~".indexOf(c) >= 0 || KEPT.indexOf(c) >= 0)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}
