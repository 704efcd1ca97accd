package dev.drillbook.settings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One stored setting: a key and its value as text. */
@Entity
@Table(name = "setting")
public class SettingEntity extends PanacheEntityBase {

    @Id
    public String name;
    @Column(name = "value_text")
    public String value;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
