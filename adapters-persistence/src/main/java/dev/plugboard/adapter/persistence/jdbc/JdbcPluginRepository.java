package dev.plugboard.adapter.persistence.jdbc;

import dev.plugboard.application.port.Cursor;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.application.port.out.PluginRepository;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginName;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The catalog in PostgreSQL's {@code plugins} table, listed by name with keyset paging. */
@Singleton
public final class JdbcPluginRepository implements PluginRepository {

    private static final String SELECT = "SELECT " + PluginRow.COLUMNS + " FROM plugins";

    /** An upsert: a plugin saved again replaces every stored column but its name and id. */
    private static final String SAVE = "INSERT INTO plugins (" + PluginRow.COLUMNS + ") VALUES (" + PluginRow.PLACEHOLDERS
            + ") ON CONFLICT (name) DO UPDATE SET "
            + Arrays.stream(PluginRow.COLUMNS.split(", ")).filter(column -> !column.equals("name"))
                    .map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));

    private final Sql sql;

    public JdbcPluginRepository(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Plugin> find(PluginName name) {
        return sql.one(SELECT + " WHERE name = ?", PluginRow::read, name.value()).map(PluginRow::toDomain);
    }

    @Override
    public List<Plugin> findAll() {
        return sql.list(SELECT + " ORDER BY name", PluginRow::read).stream().map(PluginRow::toDomain).toList();
    }

    @Override
    public Page<Plugin> search(CatalogFilter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        page.after().ifPresent(cursor -> {
            conditions.add("name > ?");
            params.add(Cursor.decode(cursor, 1).get(0));
        });
        filter.category().ifPresent(category -> {
            conditions.add("category = ?");
            params.add(category);
        });
        if (!filter.tags().isEmpty()) {
            conditions.add("tags @> ?");
            params.add(filter.tags().toArray(String[]::new));
        }
        filter.capability().ifPresent(capability -> {
            conditions.add("capabilities @> ?::jsonb");
            params.add(JsonArrays.write(List.of(capability)));
        });
        filter.enabled().ifPresent(enabled -> {
            conditions.add("enabled = ?");
            params.add(enabled);
        });
        filter.text().ifPresent(text -> {
            conditions.add("(name ILIKE ? ESCAPE '\\' OR display_name ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\'"
                    + " OR EXISTS (SELECT 1 FROM unnest(tags) AS tag WHERE tag ILIKE ? ESCAPE '\\'))");
            String pattern = "%" + escapeLike(text) + "%";
            params.addAll(List.of(pattern, pattern, pattern, pattern));
        });
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        params.add(page.limit() + 1);
        List<Plugin> fetched = sql.list(SELECT + where + " ORDER BY name LIMIT ?", PluginRow::read, params.toArray())
                .stream().map(PluginRow::toDomain).toList();
        return Page.fromOverfetched(fetched, page.limit(), plugin -> Cursor.encode(plugin.name().value()));
    }

    /** Makes {@code %}, {@code _} and the escape character itself match literally in ILIKE. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public void save(Plugin plugin) {
        sql.update(SAVE, PluginRow.from(plugin).values());
    }

    @Override
    public boolean delete(PluginName name) {
        // Runs, circuits, metrics and health go with it (ON DELETE CASCADE); installations would refuse (RESTRICT).
        return sql.update("DELETE FROM plugins WHERE name = ?", name.value()) > 0;
    }
}
