package dev.sluice.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.source.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DestinationUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "./sluice.duckdb, DUCKDB, sluice.duckdb",
        "data/x.ddb, DUCKDB, data/x.ddb",
        "duckdb:warehouse.bin, DUCKDB, warehouse.bin",
        "duckdb:///tmp/w.bin, DUCKDB, /tmp/w.bin",
        "out.sqlite, SQLITE, out.sqlite",
        "out.SQLITE3, SQLITE, out.SQLITE3",
        "sqlite:out.data, SQLITE, out.data",
        "local.db, SQLITE, local.db",
    })
    void filesByExtensionOrPrefix(String text, DestinationUrl.Kind kind, String file) {
        DestinationUrl url = DestinationUrl.parse(text);

        assertThat(url.kind()).isEqualTo(kind);
        assertThat(url.file()).isEqualTo(Path.of(file).toAbsolutePath().normalize());
        assertThat(url.jdbcUrl()).isEqualTo((kind == DestinationUrl.Kind.DUCKDB ? "jdbc:duckdb:" : "jdbc:sqlite:")
                + Path.of(file).toAbsolutePath().normalize());
    }

    @Test
    void postgresUrlsBecomeJdbcUrlsWithTheCredentialsApart() {
        DestinationUrl url = DestinationUrl.parse("postgresql://loader:p%40ss%3Aword@db.internal:6543/warehouse?sslmode=require");

        assertThat(url.kind()).isEqualTo(DestinationUrl.Kind.POSTGRESQL);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/warehouse?sslmode=require");
        assertThat(url.user()).isEqualTo("loader");
        assertThat(url.password()).isEqualTo("p@ss:word");
        assertThat(url.toString()).doesNotContain("p@ss").contains("password=****");
        assertThat(url.file()).isNull();
        assertThat(DestinationUrl.parse("postgres://h/db").jdbcUrl()).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void jdbcUrlsPassThroughAndPasswordsInThemAreMaskedInMessages() {
        DestinationUrl url = DestinationUrl.parse("jdbc:postgresql://h:5432/db?user=u&password=secret&ssl=true");

        assertThat(url.jdbcUrl()).contains("password=secret");
        assertThat(url.describe()).isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=****&ssl=true");
        assertThat(DestinationUrl.parse("jdbc:duckdb:").file()).isNull();
        assertThat(DestinationUrl.parse("jdbc:sqlite:/tmp/a.db").file()).isEqualTo(Path.of("/tmp/a.db"));
    }

    @Test
    void anythingElseIsAConfigErrorListingTheForms() {
        assertThatThrownBy(() -> DestinationUrl.parse("mysql://h/db")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("*.duckdb").hasMessageContaining("postgresql://");
        assertThatThrownBy(() -> DestinationUrl.parse("postgresql:///db")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("needs a host");
    }
}
