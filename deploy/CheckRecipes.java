import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** deploy/check's YAML half: every manifest parses, and the SparkApplication names what the job needs. */
public class CheckRecipes {
  public static void main(String[] args) throws Exception {
    for (String file : args) {
      for (Object document : new Yaml().loadAll(Files.readString(Path.of(file)))) {
        if (!(document instanceof Map<?, ?> map)) {
          throw new IllegalStateException(file + ": not a mapping");
        }
        if ("SparkApplication".equals(map.get("kind"))) {
          Map<?, ?> spec = (Map<?, ?>) map.get("spec");
          require(file, "dev.reel.cli.ReelCommand".equals(spec.get("mainClass")), "mainClass dev.reel.cli.ReelCommand");
          List<?> arguments = (List<?>) spec.get("arguments");
          require(file, arguments.contains("--input") && arguments.contains("--output"), "--input and --output");
        }
      }
      System.out.println("check: " + file + " parses");
    }
  }

  private static void require(String file, boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(file + ": missing " + what);
    }
  }
}
