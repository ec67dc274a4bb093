package im.hearth.actors.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import im.hearth.persistence.db.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layers of a node's configuration: overrides, --data, environment, the user's file, reference.conf. */
class HearthConfigTest {
    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path data;

    private static HearthSettings settings(Config config) {
        return HearthSettings.fromConfig(config);
    }

    private void userFile(String hocon) throws IOException {
        Files.writeString(data.resolve("hearth.conf"), hocon);
    }

    @Test
    void defaultsWithAnEmptyDataFolder() {
        Config config = HearthConfig.load(data, null, null, NO_ENV);
        HearthSettings s = settings(config);
        assertEquals(List.of("localhost"), s.hosts());
        assertEquals(5222, s.c2s().starttlsPort());
        assertEquals(data.toAbsolutePath().normalize(), s.dataDir());
        DatabaseSettings db = HearthConfig.database(config);
        assertEquals(DatabaseSettings.Kind.H2, db.kind());
        assertTrue(db.url().contains(data.toAbsolutePath().normalize().toString()), db.url());
    }

    @Test
    void theUsersFileInTheDataFolderOverridesTheDefaults() throws IOException {
        userFile("hearth { hosts = [\"example.org\"], c2s.starttls-port = 15222 }");
        HearthSettings s = settings(HearthConfig.load(data, null, null, NO_ENV));
        assertEquals(List.of("example.org"), s.hosts());
        assertEquals(15222, s.c2s().starttlsPort());
        assertEquals(5223, s.c2s().directTlsPort());
    }

    @Test
    void anExplicitConfigFileIsReadInsteadOfTheDataFolders() throws IOException {
        userFile("hearth.hosts = [\"in-data.example\"]");
        Path explicit = Files.writeString(data.resolve("other.conf"), "hearth.hosts = [\"explicit.example\"]");
        assertEquals(List.of("explicit.example"), settings(HearthConfig.load(data, explicit, null, NO_ENV)).hosts());
    }

    @Test
    void aMissingConfigFileIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HearthConfig.load(data, data.resolve("nope.conf"), null, NO_ENV));
        assertTrue(e.getMessage().contains("nope.conf"), e.getMessage());
    }

    @Test
    void theDataOptionWinsOverTheFileAndTheEnvironment(@TempDir Path elsewhere) throws IOException {
        Path explicit = Files.writeString(elsewhere.resolve("hearth.conf"), "hearth.data-dir = \"" + elsewhere + "\"");
        Config config = HearthConfig.load(data, explicit, null, Map.of("HEARTH_DATA", elsewhere.toString()));
        assertEquals(data.toAbsolutePath().normalize(), settings(config).dataDir());
    }

    @Test
    void hearthDataLocatesTheUsersFile() throws IOException {
        userFile("hearth.hosts = [\"from-data.example\"]");
        Config config = HearthConfig.load(null, null, null, Map.of("HEARTH_DATA", data.toString()));
        assertEquals(data.toAbsolutePath().normalize(), settings(config).dataDir());
        assertEquals(List.of("from-data.example"), settings(config).hosts());
    }

    @Test
    void hearthDomainReplacesTheHostsOfTheFile() throws IOException {
        userFile("hearth.hosts = [\"a.example\", \"b.example\"]");
        Config config = HearthConfig.load(data, null, null, Map.of("HEARTH_DOMAIN", " chat.example "));
        assertEquals(List.of("chat.example"), settings(config).hosts());
    }

    @Test
    void environmentVariablesWinOverTheUsersFile() throws IOException {
        // reference.conf promises this; its ${?VAR} lines alone sit below the file.
        userFile("hearth.c2s { starttls-port = 15222, bind = \"10.0.0.1\" }");
        Config config = HearthConfig.load(data, null, null,
                Map.of("HEARTH_C2S_PORT", "25222", "HEARTH_C2S_BIND", "127.0.0.1"));
        assertEquals(25222, settings(config).c2s().starttlsPort());
        assertEquals("127.0.0.1", settings(config).c2s().bind());
    }

    @Test
    void overridesWinOverEverything() throws IOException {
        userFile("hearth { hosts = [\"file.example\"], c2s.starttls-port = 15222 }");
        Config overrides = ConfigFactory.parseMap(Map.of(
                "hearth.hosts", List.of("override.example"), "hearth.c2s.starttls-port", 0));
        Config config = HearthConfig.load(data, null, overrides,
                Map.of("HEARTH_DOMAIN", "env.example", "HEARTH_C2S_PORT", "25222"));
        assertEquals(List.of("override.example"), settings(config).hosts());
        assertEquals(0, settings(config).c2s().starttlsPort());
    }

    @Test
    void aBadValueInTheUsersFileFailsWithItsKey() throws IOException {
        userFile("hearth.c2s.starttls-port = 70000");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(HearthConfig.load(data, null, null, NO_ENV)));
        assertTrue(e.getMessage().contains("hearth.c2s.starttls-port"), e.getMessage());
        assertTrue(e.getMessage().contains("hearth.conf"), "names the file: " + e.getMessage());
    }

    @Test
    void everyEnvironmentVariableOfReferenceConfIsALayerAboveTheFile() throws IOException {
        String reference = Files.readString(Path.of("src/main/resources/reference.conf"));
        Matcher m = Pattern.compile("\\$\\{\\?(HEARTH_[A-Z0-9_]+)}").matcher(reference);
        Set<String> named = new TreeSet<>();
        while (m.find()) {
            named.add(m.group(1));
        }
        assertEquals(named, new TreeSet<>(HearthConfig.ENVIRONMENT.keySet()));
    }
}
