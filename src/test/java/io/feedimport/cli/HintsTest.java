package io.feedimport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HintsTest {

    static final Set<String> TAKING_JOBS = Set.of("replay", "parked", "poll");

    static Hints.Invocation started(String... properties) {
        Properties system = new Properties();
        for (int i = 0; i < properties.length; i += 2) {
            system.setProperty(properties[i], properties[i + 1]);
        }
        return Hints.Invocation.of(system, TAKING_JOBS::contains);
    }

    @Test
    void aHintStartsAsTheLauncherWasStartedAndCarriesTheProfileAndTheDefinitionsWhereTheCommandTakesThem() {
        Hints hints = new Hints(started(Hints.LAUNCHER, "./feedimport"), "production", "/srv/feeds");

        assertThat(hints.command("replay", "offers", "--run", "3")).isEqualTo("./feedimport replay offers --run 3 --profile production --jobs /srv/feeds");
        assertThat(hints.command("report", "3")).as("report takes no --jobs").isEqualTo("./feedimport report 3 --profile production");
    }

    @Test
    void withoutOptionsTheHintIsTheBareCommand() {
        assertThat(new Hints(started(Hints.LAUNCHER, "./feedimport"), null, null).command("report", "1")).isEqualTo("./feedimport report 1");
    }

    @Test
    void startedFromOneJarTheHintIsTheSameJavaCommandWithTheDataDirectoryGivenToTheJvm() {
        Hints.Invocation invocation = started("java.class.path", "/opt/fi/feedimport.jar", "feedimport.data-dir", "/var/lib/fi data");

        assertThat(new Hints(invocation, null, null).command("runs"))
                .isEqualTo("java '-Dfeedimport.data-dir=/var/lib/fi data' -jar /opt/fi/feedimport.jar runs");
    }

    @Test
    void theLauncherGivenADataDirectoryInItsJavaOptionsGetsItAsTheVariableThatSetsIt() {
        Hints.Invocation invocation = started(Hints.LAUNCHER, "/opt/my tools/feedimport", "feedimport.data-dir", "/data",
                "java.class.path", "/opt/my tools/target/feedimport.jar");

        assertThat(new Hints(invocation, null, null).command("runs")).isEqualTo("FEEDIMPORT_DATA_DIR=/data '/opt/my tools/feedimport' runs");
    }

    @Test
    void wordsAShellWouldSplitOrExpandAreSingleQuoted() {
        assertThat(Hints.quote("jobs/offers-xml.yml")).isEqualTo("jobs/offers-xml.yml");
        assertThat(Hints.quote("my jobs")).isEqualTo("'my jobs'");
        assertThat(Hints.quote("it's")).isEqualTo("'it'\"'\"'s'");
        assertThat(Hints.quote("$HOME;rm *")).isEqualTo("'$HOME;rm *'");
        assertThat(Hints.quote("")).isEqualTo("''");
    }

    @Test
    void aRunOfADefinitionOutsideTheJobsFolderPointsItsHintsAtThatDefinitionsFolder() {
        Hints plain = new Hints(started(Hints.LAUNCHER, "./feedimport"), null, null);

        assertThat(plain.withDefinitionsOf(Path.of("/srv/my feeds/offers.yml")).command("replay", "offers", "--all"))
                .isEqualTo("./feedimport replay offers --all --jobs '/srv/my feeds'");
        assertThat(plain.withDefinitionsOf(Path.of("offers.yml")).command("parked", "offers")).isEqualTo("./feedimport parked offers --jobs .");
        assertThat(plain.withDefinitionsOf(Path.of("jobs/offers-xml.yml")).command("replay", "offers", "--all"))
                .as("the default folder goes without saying").isEqualTo("./feedimport replay offers --all");
        assertThat(new Hints(started(Hints.LAUNCHER, "fi"), null, "elsewhere").withDefinitionsOf(Path.of("/a/b.yml"))
                .command("poll", "offers")).as("an explicit --jobs stays").isEqualTo("fi poll offers --jobs elsewhere");
    }
}
