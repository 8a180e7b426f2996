package dev.sluice.sync;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs one query against a destination and formats the result as a text table (the demo's sample query). */
public final class Queries {

    private Queries() {
    }

    /**
     * @throws dev.sluice.source.ConnectorException when the destination cannot be opened or the query fails
     */
    public static String table(DestinationUrl url, String sql) {
        try (Database database = Database.open(url);
                Statement statement = database.connection().createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String[]> lines = new ArrayList<>();
            String[] header = new String[meta.getColumnCount()];
            for (int i = 0; i < header.length; i++) {
                header[i] = meta.getColumnLabel(i + 1);
            }
            lines.add(header);
            while (rows.next()) {
                String[] line = new String[header.length];
                for (int i = 0; i < header.length; i++) {
                    Object value = rows.getObject(i + 1);
                    line[i] = value == null ? "NULL" : value.toString();
                }
                lines.add(line);
            }
            return format(lines);
        } catch (SQLException e) {
            throw new dev.sluice.source.ConnectorException(dev.sluice.protocol.FailureType.CONFIG_ERROR,
                    "The query failed: " + e.getMessage(), e);
        }
    }

    private static String format(List<String[]> lines) {
        int[] widths = new int[lines.get(0).length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < lines.size(); row++) {
            StringBuilder text = new StringBuilder(" ");
            for (int i = 0; i < widths.length; i++) {
                text.append(' ').append(String.format("%-" + widths[i] + "s", lines.get(row)[i])).append(" ");
            }
            out.append(text.toString().stripTrailing()).append('\n');
            if (row == 0) {
                StringBuilder rule = new StringBuilder(" ");
                for (int width : widths) {
                    rule.append(' ').append("-".repeat(width)).append(' ');
                }
                out.append(rule.toString().stripTrailing()).append('\n');
            }
        }
        return out.toString();
    }
}
