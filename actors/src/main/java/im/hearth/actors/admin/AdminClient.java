package im.hearth.actors.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** The CLI's side of {@link AdminListener}: one request line to the running server, one reply line back. */
public final class AdminClient {

    private AdminClient() {
    }

    public static String send(Path dataDir, String command, String jid, String password) throws IOException {
        return request(dataDir, command, jid, Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
    }

    /** One request of words separated by spaces (none may contain a space or a line break); the reply line. */
    public static String request(Path dataDir, String... words) throws IOException {
        Path file = dataDir.resolve(AdminListener.PORT_FILE);
        if (!Files.isReadable(file)) {
            throw new IOException("a server holds " + dataDir + " but " + file + " cannot be read; is it still starting?");
        }
        String[] portAndToken = Files.readString(file).trim().split(" ");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(portAndToken[0]))) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String line = portAndToken[1] + " " + String.join(" ", words) + "\n";
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String reply = in.readLine();
            return reply == null ? "error the server closed the connection" : reply;
        }
    }
}
