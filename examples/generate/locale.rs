//! Per-country static data: names, nicknames, email providers, places, phone plans.
//!
//! Lists are whitespace-separated words so the data stays compact and easy to
//! edit; `_` inside a word stands for a space ("da_Silva" is "da Silva").
//! Earlier entries are drawn more often, so put the common names first: that
//! is what makes name collisions between different people realistic.

/// Static description of one country, parsed once at start-up into [`Locale`].
pub struct LocaleSrc {
    pub code: &'static str,
    /// International calling code, without `+`.
    pub cc: &'static str,
    /// National trunk prefix written before the national number ("0" in GB).
    pub trunk: &'static str,
    /// Share of people, from the dev data's country mix.
    pub weight: u32,
    pub male: &'static str,
    pub female: &'static str,
    pub family: &'static str,
    /// `Formal:Nick1,Nick2` entries; the formal name must be in `male`/`female`.
    pub nicks: &'static str,
    /// `domain:weight` entries.
    pub domains: &'static str,
    pub cities: &'static str,
    pub streets: &'static str,
    /// `Full=Abbrev` entries.
    pub street_types: &'static str,
    /// Phone templates: `N` national digit (trunk + number), `I` digit of the
    /// number without trunk, `*` / `#` the rest of either, `C` the calling
    /// code; other characters are literal. `|weight` follows each template.
    pub mobile_fmt: &'static str,
    pub landline_fmt: &'static str,
    /// Word households use in family email addresses ("famille", "familia").
    pub family_word: &'static str,
}

pub const US: usize = 0;
pub const GB: usize = 1;
pub const DE: usize = 2;
pub const FR: usize = 3;
pub const ES: usize = 4;
pub const IT: usize = 5;
pub const BR: usize = 6;
pub const RO: usize = 7;

pub const SOURCES: [LocaleSrc; 8] = [
    LocaleSrc {
        code: "US",
        cc: "1",
        trunk: "",
        weight: 352,
        male: "James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip Louis Travis Seth Dwayne Howard Phillip Brett Edwin Scott Mitchell Brendan Alfred Calvin Marcus Tony Derek Shawn Luis Carlos",
        female: "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori Brooke Crystal Allison Vicki Tiffany Erin Courtney Jasmine Lynn Robin Tracy Stacy Wendy Katy Debbie",
        family: "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Hansen Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews Ray Berry Perkins Hoffman Johnston Matthews Pena Richards O'Brien O'Connor McCarthy Atkins Sweeney Knox Hobbs Shaffer Mcdowell Velasquez Copeland Shepherd Trevino Brooks Pitts",
        nicks: "William:Bill,Will,Billy Robert:Bob,Rob,Bobby Richard:Rick,Dick,Rich James:Jim,Jimmy Michael:Mike John:Jack,Johnny Thomas:Tom,Tommy Christopher:Chris Daniel:Dan,Danny Matthew:Matt Joseph:Joe Anthony:Tony Edward:Ed,Ted Alexander:Alex Samuel:Sam Benjamin:Ben Nicholas:Nick Jonathan:Jon Steven:Steve Andrew:Andy,Drew Timothy:Tim Kenneth:Ken Gregory:Greg Patrick:Pat Jeffrey:Jeff Ronald:Ron Donald:Don Lawrence:Larry Zachary:Zach Elizabeth:Liz,Beth,Betty Patricia:Pat,Patty Jennifer:Jen,Jenny Margaret:Maggie,Peggy Katherine:Kate,Katie,Kathy Deborah:Debbie,Deb Susan:Sue Rebecca:Becky Victoria:Vicky,Vicki Samantha:Sam Kimberly:Kim Christine:Chris Jessica:Jess Pamela:Pam Cynthia:Cindy Abigail:Abby Alexis:Lexi",
        domains: "gmail.com:64 yahoo.com:12 hotmail.com:8 outlook.com:8 icloud.com:8 aol.com:3 comcast.net:3 att.net:2 msn.com:1 verizon.net:1",
        cities: "New_York Los_Angeles Chicago Houston Phoenix Philadelphia San_Antonio San_Diego Dallas Austin Jacksonville San_Jose Columbus Charlotte Indianapolis San_Francisco Seattle Denver Boston Nashville Portland Detroit Memphis Atlanta Miami Minneapolis Tampa Orlando Springfield Riverside Madison Fairview Georgetown Salem Franklin Clinton Greenville Bristol",
        streets: "Main Oak Maple Cedar Pine Elm Washington Park Lake Hill Church Center Mill Ridge Sunset Highland River Forest Lincoln Jefferson Madison Franklin Jackson Willow Birch Meadow Valley Spring Walnut Chestnut Hickory Lakeview Cherry Adams Wilson Johnson Smith Taylor Mitchell Jake Morgan Bradley Julian",
        street_types: "Street=St Avenue=Ave Road=Rd Drive=Dr Lane=Ln Boulevard=Blvd Court=Ct Place=Pl Way=Way Terrace=Ter Circle=Cir Parkway=Pkwy",
        mobile_fmt: "(NNN)_NNN-NNNN|801 *|488 +C#|451 +C_III-III-IIII|432 C#|135 +C-III-III-IIII|129 00C_III-III-IIII|111 C_(III)_III-IIII|111 C-III-III-IIII|110 00C#|108 NNN.NNN.NNNN|106 NNN-NNN-NNNN|103 NNN_NNN_NNNN|20",
        landline_fmt: "(NNN)_NNN-NNNN|5 NNN-NNN-NNNN|3 *|2 +C#|1",
        family_word: "family",
    },
    LocaleSrc {
        code: "GB",
        cc: "44",
        trunk: "0",
        weight: 119,
        male: "Oliver George Harry Jack Jacob Charlie Thomas Oscar William James Leo Alfie Henry Joshua Freddie Archie Ethan Isaac Alexander Joseph Edward Samuel Max Daniel Arthur Lucas Mohammed Logan Theo Harrison Benjamin Mason Sebastian Finley Adam Dylan Zachary Riley Teddy Toby Reuben Louis Hugo Elliot Rory Callum Lewis Connor Liam Kieran Ryan Jamie Aaron Ben Matthew Luke Andrew David Paul Mark Richard Stephen Simon Peter Christopher Gareth Ian Neil Martin Graham Nigel Trevor Keith Colin Derek Stuart Alan Robert Philip Jonathan Nicholas Anthony Kevin Craig Darren Dean Lee Gavin Wayne Barry Gordon Malcolm Rhys Owen Dafydd Angus Hamish Fraser Euan Alistair Duncan Guy Brett Karl Hugh Rupert Charles Frederick",
        female: "Olivia Amelia Isla Ava Emily Isabella Mia Poppy Ella Lily Sophie Grace Evie Charlotte Freya Ruby Daisy Alice Jessica Florence Chloe Phoebe Matilda Sienna Erin Rosie Millie Eleanor Harriet Imogen Holly Lucy Hannah Megan Lauren Bethany Rebecca Natasha Kirsty Gemma Leanne Stacey Kelly Joanne Claire Nicola Karen Julie Susan Tracey Sharon Deborah Amanda Helen Sarah Emma Rachel Victoria Katie Jade Zoe Abigail Georgia Amber Molly Eloise Beatrice Niamh Siobhan Fiona Morag Eilidh Catriona Rhiannon Carys Bronwen Sian Gwen Hazel Pauline Maureen Jean Margaret Elizabeth Anne Catherine Jennifer Alison Lorraine Dawn Samantha Louise Hayley Kerry Charlene Jasmine Lydia Beth Ashleigh",
        family: "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips Mason Mitchell Rose Davis Rodgers Allen Morris Martin Cooper Harrison Ward Hughes Edwards Turner Collins Hill Moore Parker Carter Bennett Shaw Cook Bailey Richardson Watson Price Marshall Murphy Griffiths Bell Kelly Chapman Ellis Webb Simpson Russell Mills Harvey Gray Knight Lloyd Butler Stevens Pearce Barnes Fisher Dixon Holmes Palmer Hunt Reid Owen Matthews Lee Jenkins Wells Stewart Morgan Powell Fox Atkinson Graham Holland Murray Gibson Kennedy Dawson Spencer Hussain Ali Begum Rees Watts Byrne Doyle Fletcher Duncan Burton Ryan Hardy Sutton Hunter Jordan Gordon Payne Pearson Day Lawrence Hart Webster Kaur Singh Reynolds Newman Andrews Armstrong Barker Whitehouse Noble Potter Walsh Willis Adams Black Cunningham Ferguson Fraser Grant Hamilton Henderson Lamb Macdonald MacLeod McKenzie Morrison Paterson Ross Scott Sinclair Thomson Buchanan Wallace Burns Campbell Crawford Davidson Forbes Gill Hudson Knowles Lowe Marsh Nash Norris Oakley Page Parsons Pritchard Quinn Rowe Saunders Sharp Slater Stone Stokes Talbot Tucker Vaughan Wade Walton Warren Wheeler Whitaker Wilkinson Woodward Yates Young O'Sullivan O'Neill O'Connor",
        nicks: "William:Will,Bill Robert:Rob,Bob Thomas:Tom Edward:Ed,Ted,Eddie Alexander:Alex,Sandy James:Jim,Jamie Charles:Charlie,Chas Christopher:Chris Matthew:Matt Jonathan:Jon Nicholas:Nick Daniel:Dan Samuel:Sam Benjamin:Ben Joshua:Josh Frederick:Fred,Freddie Elizabeth:Liz,Beth,Lizzie Margaret:Maggie,Peggy Catherine:Kate,Cathy Victoria:Vicky Rebecca:Becky Jennifer:Jenny Abigail:Abby Samantha:Sam Deborah:Debbie Eleanor:Ellie Harriet:Hattie Natasha:Tash Alison:Ali",
        domains: "gmail.com:52 hotmail.co.uk:10 yahoo.co.uk:10 outlook.com:10 btinternet.com:6 sky.com:5 icloud.com:6 googlemail.com:5 hotmail.com:5 live.co.uk:3 virginmedia.com:2",
        cities: "London Manchester Birmingham Leeds Glasgow Liverpool Sheffield Bristol Edinburgh Cardiff Leicester Coventry Nottingham Newcastle_upon_Tyne Brighton Southampton Portsmouth Plymouth Reading Oxford Cambridge York Bath Norwich Aberdeen Dundee Swansea Exeter Derby Wolverhampton Stoke-on-Trent Milton_Keynes",
        streets: "High Church Station Victoria Park Mill Green School King Queen London Manor Kingsway Windsor Albert Grange Orchard Springfield Highfield Stanley York Chapel Alexandra Princes Beech Ash Broad Bridge Castle Meadow Jarvis Kaur Banks Terry Rees",
        street_types: "Road=Rd Street=St Lane=Ln Avenue=Ave Close=Cl Gardens=Gdns Crescent=Cres Drive=Dr Grove=Gr Way=Way Place=Pl Terrace=Terr Square=Sq Mews=Mews Hill=Hill",
        mobile_fmt: "NNNNN_NNNNNN|277 *|175 +C#|130 +C_IIII_IIIIII|125 C#|54 00C#|47 +C-IIII-IIIIII|46 00C_IIII_IIIIII|38 +C_(0)IIII_IIIIII|36 NNNNN-NNNNNN|36 NNNNN.NNNNNN|32",
        landline_fmt: "NNN_NNNN_NNNN|5 *|3 +C_II_IIII_IIII|1 +C#|1",
        family_word: "family",
    },
    LocaleSrc {
        code: "DE",
        cc: "49",
        trunk: "0",
        weight: 106,
        male: "Lukas Leon Finn Jonas Paul Elias Felix Maximilian Noah Ben Luis Henry Emil Anton Jakob Moritz Julian Niklas Tim Jan David Philipp Alexander Tobias Florian Sebastian Daniel Stefan Michael Thomas Andreas Christian Markus Matthias Martin Frank Jürgen Klaus Wolfgang Peter Uwe Dieter Rainer Manfred Günter Helmut Horst Gerhard Heinz Werner Hans Karl Friedrich Johannes Georg Dirk Jörg Sven Torsten Holger Ralf Bernd Kai Lars Jens Nils Timo Marcel Dennis Kevin Patrick Björn Sören Till Malte Hendrik Carsten Oliver Igor Nico Artur Burkhard Ehrenfried Volker Norbert Heiko Olaf Gerd Detlef Reinhard Lothar Hartmut Joachim Ulrich Wilhelm Otto Ludwig Konrad Gustav Fritz Hannes Mathis Vincent Jannik Lennart Heinz-Georg Hans-Michael Karl-Heinz",
        female: "Mia Emma Hannah Sophia Emilia Lina Marie Lea Anna Leonie Lena Clara Johanna Laura Sarah Julia Lisa Katharina Anna-Lena Jana Nina Sandra Stefanie Nicole Sabine Petra Claudia Andrea Susanne Birgit Monika Ursula Renate Helga Ingrid Gisela Brigitte Karin Elke Heike Kerstin Silke Anja Tanja Katrin Daniela Melanie Janine Jessica Vanessa Annika Franziska Ricarda Jasmin Michelle Jacqueline Mandy Manuela Martina Gabriele Elisabeth Margarete Erika Hildegard Gertrud Irmgard Waltraud Ehrentraud Wera Jessika Charlotte Greta Frieda Ida Mathilda Luise Paula Amelie Theresa Antonia Magdalena Carolin Svenja Maren Wiebke Britta Dörte Anke Ute Gudrun Dagmar Bärbel Roswitha Annegret Simone Yvonne Carina Vera Ilse Lieselotte Käthe",
        family: "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Bohnbach Schleich Eigenwillig Schacht Gnatz Rörricht Hermighausen Pechel Paffrath Girschner Warmer Fröhlich Schenk Ernst Lindner Kramer Jansen Hübner Hildebrandt Gerlach Brinkmann Mertens Marx Kolb Kirchner Barth Thiel Ebert Dittrich Brand Götz Sander Bender Kraft Nowak Wendt Hesse Kurz Reuter Ullrich Rieger Zander Bock Buchholz Stahl Hoppe Kessler Wirth Siebert Haase Kaufmann Schilling Seifert Kopp Lutz Frey Witt Böttcher Vetter Ostermann Dreher Blum Hein Fink Beyer Wegner Losekann Trüb von_Bülow",
        nicks: "Johannes:Hannes,Jo Wolfgang:Wolf Friedrich:Fritz Alexander:Alex Andreas:Andi Thomas:Tom Michael:Micha Christian:Chris Matthias:Matze Maximilian:Max Sebastian:Basti Tobias:Tobi Florian:Flo Stefanie:Steffi Katharina:Kathi,Katja Elisabeth:Lisa,Elli Susanne:Susi Gabriele:Gabi Franziska:Franzi Magdalena:Lena Johanna:Hanna",
        domains: "gmail.com:30 gmx.de:18 web.de:18 t-online.de:15 outlook.com:8 googlemail.com:6 yahoo.de:5 freenet.de:4 icloud.com:4 gmx.net:3",
        cities: "Berlin Hamburg München Köln Frankfurt_am_Main Stuttgart Düsseldorf Leipzig Dortmund Essen Bremen Dresden Hannover Nürnberg Duisburg Bochum Wuppertal Bielefeld Bonn Münster Mannheim Karlsruhe Augsburg Wiesbaden Mönchengladbach Gelsenkirchen Aachen Kiel Freiburg_im_Breisgau Lübeck Erfurt Rostock Kaiserslautern Neu-Ulm Nürtingen Wunsiedel Lüdinghausen Erkelenz Göttingen Würzburg",
        streets: "Haupt Bahnhof Schul Garten Dorf Kirch Berg Wald Linden Goethe Schiller Mozart Beethoven Friedrich Wilhelm Kant Lessing Heine Bismarck Tannen Birken Eichen Rosen Blumen Feld Wiesen Mühlen Sonnen Werner Dehmel Hans-Michael-Girschner- Jessika-Walter- Schlauchin Markt Uhland Körner",
        street_types: "straße=str. weg=weg allee=allee platz=pl. gasse=gasse ring=ring damm=damm",
        mobile_fmt: "NNNN_*|196 +C#|132 +C_III_#|96 C#|91 *|72 00C#|42 +C-III-#|37 +C_(0)III_#|23 NNNN.*|23 NNNN-*|22 00C_III_#|20 NNNNN_*|10",
        landline_fmt: "NNN_*|5 *|3 +C_II_#|1 +C#|1",
        family_word: "familie",
    },
    LocaleSrc {
        code: "FR",
        cc: "33",
        trunk: "0",
        weight: 91,
        male: "Jean Pierre Michel André Philippe René Louis Alain Jacques Bernard Marcel Daniel Roger Robert Paul Claude Christian Henri Georges Nicolas François Patrick Gérard Christophe Joseph Julien Maurice Laurent Frédéric Éric David Stéphane Pascal Sébastien Alexandre Thierry Olivier Thomas Antoine Vincent Guillaume Raymond Dominique Serge Didier Yves Mathieu Bruno Lucas Hugo Théo Nathan Enzo Maxime Romain Clément Quentin Kévin Florian Anthony Jérémy Benjamin Arthur Gabriel Raphaël Léo Jules Adam Baptiste Mathis Noé Timothée Étienne Fabrice Franck Jean-Pierre Jean-Claude Jean-Luc Jean-Marc Jean-François Jean-Baptiste Hervé Gilles Denis Emmanuel Xavier Cédric Arnaud Benoît Yannick Loïc Gaëtan Aurélien Cyril Damien Ludovic Rémi Auguste Victor Gaston Lucien Armand Honoré",
        female: "Marie Jeanne Françoise Monique Catherine Nathalie Isabelle Jacqueline Anne Sylvie Martine Madeleine Nicole Suzanne Hélène Christine Marguerite Denise Louise Christiane Sophie Valérie Céline Sandrine Stéphanie Véronique Aurélie Julie Camille Émilie Laura Léa Manon Chloé Emma Inès Jade Lina Zoé Clara Alice Juliette Anaïs Mathilde Pauline Marine Élodie Mélanie Caroline Virginie Laetitia Audrey Delphine Karine Patricia Corinne Brigitte Chantal Danielle Élise Geneviève Gisèle Josiane Marianne Michèle Odette Paulette Simone Yvette Yvonne Colette Agnès Béatrice Claire Florence Agathe Pénélope Christelle Aurore Océane Margaux Lucie Charlotte Justine Morgane Noémie Solène Maëlle Capucine Eugénie Joséphine Adèle Rose Ambre Héloïse Constance Bérénice Albane Apolline Marie-Claire Anne-Sophie",
        family: "Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller Lefèvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand Gauthier Garcia Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval Denis Dumont Marie Lemaire Noël Meyer Dufour Meunier Brun Blanchard Giraud Joly Rivière Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard Roche Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre Aubert Lemoine Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc Payet Rolland Leclercq Guillaume Lecomte Lopez Jean Dupuis Guillot Hubert Berger Carpentier Sanchez Moulin Louis Deschamps Huet Vasseur Perez Boucher Fleury Royer Klein Jacquet Adam Paris Poirier Marty Aubry Guyot Carré Charles Renault Charpentier Ménard Maillard Baron Bertin Bailly Hervé Schneider Fernandez Le_Gall Collet Léger Bouvier Julien Prévost Millet Perrot Daniel Le_Roux Cousin Germain Breton Besson Langlois Rémy Le_Goff Pelletier Lévêque Perrier Leblanc Barré Lebrun Marchal Weber Mallet Hamon Boulanger Jacob Monnier Michaud Rodriguez Guichard Gillet Étienne Grondin Poulain Tessier Chevallier Collin Chauvin Da_Silva Bouchet Gay Lemaître Bénard Maréchal Humbert Reynaud Antoine Hoarau Perret Barthélemy Cordier Pichon Lejeune Gilbert Lamy Delaunay Pasquier Carlier Laporte Evrard Lebon Maitre Allain Toussaint Joseph",
        nicks: "Frédéric:Fred Christophe:Chris Nicolas:Nico Alexandre:Alex Dominique:Dom Maxime:Max Thomas:Tom Philippe:Phil Sébastien:Seb Jean-Baptiste:JB Benjamin:Ben Catherine:Cathy Isabelle:Isa Stéphanie:Steph Véronique:Véro Béatrice:Béa Caroline:Caro Valérie:Val Laetitia:Laeti Mathilde:Mathou",
        domains: "gmail.com:44 orange.fr:18 hotmail.fr:12 free.fr:10 sfr.fr:8 laposte.net:8 yahoo.fr:6 outlook.fr:4 wanadoo.fr:4",
        cities: "Paris Marseille Lyon Toulouse Nice Nantes Montpellier Strasbourg Bordeaux Lille Rennes Reims Saint-Étienne Toulon Le_Havre Grenoble Dijon Angers Nîmes Villeurbanne Clermont-Ferrand Le_Mans Aix-en-Provence Brest Tours Amiens Limoges Annecy Perpignan Metz Besançon Orléans Rouen Mulhouse Caen Nancy Saint-Denis Argenteuil Montreuil",
        streets: "de_la_République Victor_Hugo Jean_Jaurès de_la_Paix Pasteur du_Général_Leclerc de_la_Gare des_Écoles du_Moulin de_l'Église Nationale Gambetta Voltaire Carnot de_la_Liberté des_Lilas du_Château Jules_Ferry Émile_Zola Foch de_Verdun des_Tilleuls Saint-Michel Molière de_Paris Nathalie_Evrard Christophe_Lebon de_Martin",
        street_types: "rue=r. avenue=av. boulevard=bd place=pl. chemin=ch. allée=all. impasse=imp. route=rte quai=quai",
        mobile_fmt: "NN_NN_NN_NN_NN|215 *|142 +C#|119 +C_I_II_II_II_II|109 +C_(0)I_II_II_II_II|35 NN-NN-NN-NN-NN|33 C#|33 00C#|32 +C-I-II-II-II-II|31 00C_I_II_II_II_II|29 NN.NN.NN.NN.NN|24",
        landline_fmt: "NN_NN_NN_NN_NN|5 *|3 +C_I_II_II_II_II|1 NN.NN.NN.NN.NN|1",
        family_word: "famille",
    },
    LocaleSrc {
        code: "ES",
        cc: "34",
        trunk: "",
        weight: 76,
        male: "Antonio José Manuel Francisco David Juan Javier Daniel José_Antonio Francisco_Javier José_Luis Carlos Jesús Alejandro Miguel José_Manuel Rafael Pedro Ángel Miguel_Ángel Pablo Fernando Sergio Luis Jorge Alberto Juan_Carlos Álvaro Adrián Diego Juan_José Raúl Iván Rubén Enrique Óscar Ramón Andrés Vicente Joaquín Santiago Víctor Eduardo Mario Roberto Jaime Ignacio Marcos Alfonso Jordi Hugo Salvador Ricardo Emilio Guillermo Gabriel Julián Julio Tomás Agustín Gonzalo Marc Lucas Martín Mateo Leo Nicolás Octavio Flavio Maximino Albino Erasmo Nicodemo Cristóbal Eusebio Gregorio Lorenzo Ernesto Benito Teodoro Aurelio Fermín Íñigo Xavier Borja Rodrigo Samuel Héctor Felipe Arturo Domingo Esteban Mariano Bernardo Sebastián Isidro",
        female: "María Carmen Ana Isabel Laura Dolores Pilar Teresa Cristina Francisca Marta Antonia Lucía Mercedes Elena Sara Paula Raquel Rosa Manuela Concepción Rocío Beatriz Julia Patricia Silvia Nuria Irene Alba Andrea Montserrat Rosario Encarnación Sonia Eva Inmaculada Sofía Alicia Marina Claudia Natalia Esther Noelia Verónica Ángela Carla Yolanda Guadalupe Inés Victoria Amparo Martina Lorena Miriam Nerea Ainhoa Lidia Consuelo Gloria Aurora Begoña Olga Susana Margarita Milagros Virginia Alejandra Celia Adriana Valeria Daniela Jimena Ileana Nazaret Genoveva Lucila Bienvenida Ignacia Anabel Luisa Esperanza Remedios Soledad Asunción Catalina Emilia Leonor Vega Candela Maite Itziar Arantxa Mireia Nieves Estefanía María_José Ana_Sofía María_Jesús María_Ángeles",
        family: "García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez Martín Jiménez Ruiz Hernández Díaz Moreno Muñoz Álvarez Romero Alonso Gutiérrez Navarro Torres Domínguez Vázquez Ramos Gil Ramírez Serrano Blanco Molina Morales Suárez Ortega Delgado Castro Ortiz Rubio Marín Sanz Núñez Iglesias Medina Garrido Cortés Castillo Santos Lozano Guerrero Cano Prieto Méndez Cruz Calvo Gallego Vidal León Márquez Herrera Peña Flores Cabrera Campos Vega Fuentes Carrasco Diez Caballero Reyes Nieto Aguilar Pascual Santana Herrero Lorenzo Montero Hidalgo Giménez Ibáñez Ferrer Durán Santiago Benítez Mora Vicente Vargas Arias Carmona Crespo Román Pastor Soto Sáez Velasco Moya Soler Parra Esteban Bravo Gallardo Rojas Pardo Merino Franco Espinosa Izquierdo Lara Rivas Silva Rivera Casado Arroyo Redondo Camacho Rey Vera Otero Luque Galán Montes Ríos Sierra Segura Carrillo Marcos Soriano Mendoza Bustamante Canals Vilalta Blasco Pombo Teruel Botella Carrera Clavero Torralba Puerta Garay Borrell Rosell Lillo Huerta Paniagua Tomás Maestre Velázquez Salinas Zamora Quintana Aranda Bermúdez Beltrán Ponce Palacios Mesa Cuesta Muñiz Aguado Escobar Valero Vallejo Barrera Robles Pineda Salas Sola Bueno Aguirre Echeverría Etxeberria Goikoetxea Puig Roca Serra Pujol Costa de_la_Fuente del_Río",
        nicks: "José:Pepe Francisco:Paco,Curro Manuel:Manolo Ignacio:Nacho Jesús:Chuy,Chus Antonio:Toño,Toni Enrique:Quique Luis:Lucho Alejandro:Álex Guillermo:Guille Fernando:Nando Roberto:Rober Rafael:Rafa Javier:Javi Dolores:Lola Concepción:Concha,Conchi Guadalupe:Lupe Rosario:Charo Mercedes:Merche Consuelo:Chelo Montserrat:Montse Encarnación:Encarna Inmaculada:Inma Cristina:Cris Francisca:Paqui Isabel:Isa Pilar:Pili Remedios:Reme Soledad:Sole",
        domains: "gmail.com:52 hotmail.es:20 yahoo.es:10 hotmail.com:8 outlook.es:8 telefonica.net:6 icloud.com:5 movistar.es:2",
        cities: "Madrid Barcelona Valencia Sevilla Zaragoza Málaga Murcia Palma Las_Palmas_de_Gran_Canaria Bilbao Alicante Córdoba Valladolid Vigo Gijón L'Hospitalet_de_Llobregat A_Coruña Vitoria-Gasteiz Granada Elche Oviedo Badalona Cartagena Terrassa Jerez_de_la_Frontera Sabadell Móstoles Santa_Cruz_de_Tenerife Pamplona Almería Alcalá_de_Henares Cuenca Tarragona Salamanca Burgos León Cádiz Logroño",
        streets: "Mayor Real de_Alcalá Gran_Vía de_la_Constitución del_Sol San_Juan Santa_María de_Cervantes Colón de_la_Paz Nueva del_Carmen de_Goya de_Velázquez Princesa de_Serrano Doctor_Fleming de_Andalucía del_Rosario Alfonso_XIII de_los_Reyes_Católicos San_Francisco de_la_Iglesia Erasmo_Garay Lucila_Rosell de_Bienvenida_Lillo Cristóbal_Huerta",
        street_types: "Calle=C/ Avenida=Avda. Plaza=Pza. Paseo=Pº Camino=Cmno. Ronda=Rda. Carretera=Ctra. Travesía=Trva. Pasaje=Pje.",
        mobile_fmt: "NNN_NN_NN_NN|147 *|122 +C#|121 +C_III_II_II_II|98 NNN-NN-NN-NN|26 00C_III_II_II_II|23 C#|22 +C-III-II-II-II|20 00C#|17 NNN.NN.NN.NN|13",
        landline_fmt: "NNN_NNN_NNN|5 *|3 +C_III_III_III|1 +C#|1",
        family_word: "familia",
    },
    LocaleSrc {
        code: "IT",
        cc: "39",
        trunk: "",
        weight: 89,
        male: "Giuseppe Giovanni Antonio Mario Luigi Francesco Angelo Vincenzo Pietro Salvatore Carlo Franco Domenico Bruno Paolo Michele Giorgio Giancarlo Marco Alessandro Andrea Roberto Stefano Luca Massimo Davide Matteo Lorenzo Leonardo Riccardo Gabriele Tommaso Federico Simone Fabio Fabrizio Daniele Emanuele Claudio Maurizio Alberto Enrico Sergio Raffaele Gianluca Nicola Filippo Cristian Diego Alessio Edoardo Mattia Samuele Pierluigi Gianni Renato Dario Ugo Aldo Enzo Fulvio Benvenuto Pier_Paolo Gian_Marco Rocco Ciro Gennaro Carmine Cosimo Vito Nunzio Calogero Orazio Ettore Ottavio Emilio Guido Vittorio Umberto Silvio Sandro Tiziano Valerio Mirko Ivano Gino Piero Armando Elio Ernesto Corrado Arturo Jacopo Nicolò Achille Cesare Ruggero Flavio Egidio Bartolomeo",
        female: "Maria Anna Giuseppina Rosa Angela Giovanna Teresa Lucia Carmela Caterina Francesca Antonietta Carla Elena Concetta Rita Margherita Franca Paola Laura Giulia Sara Chiara Martina Valentina Alessandra Federica Silvia Elisa Roberta Cristina Simona Monica Barbara Daniela Stefania Claudia Patrizia Sabrina Manuela Raffaella Emanuela Michela Ilaria Giorgia Sofia Aurora Alice Ginevra Beatrice Greta Emma Noemi Gaia Camilla Arianna Vittoria Ludovica Matilde Nicoletta Lorena Loredana Donatella Ornella Gabriella Marisa Luisa Graziella Mirella Pina Rosaria Assunta Immacolata Annunziata Filomena Addolorata Nunzia Cinzia Tiziana Morena Serena Elisabetta Benedetta Costanza Ottavia Rebecca Irene Viola Agnese Bianca Emilia Carolina Letizia Livia Virginia Veronica Fiorella Marina Eleonora Ida Maddalena",
        family: "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra Coppola De_Santis D'Angelo Marchetti Parisi Villa Conte Ferraro Ferri Fabbri Bianco Marini Grasso Valentini Messina Sala De_Angelis Gatti Pellegrini Palumbo Sanna Farina Rizzi Monti Cattaneo Morelli Amato Silvestri Mazza Testa Grassi Pellegrino Carbone Giuliani Benedetti Barone Rossetti Caputo Montanari Guerra Palmieri Bernardi Martino Fiore De_Rosa Ferretti Bellini Basile Riva Donati Piras Vitali Battaglia Sartori Neri Costantini Milani Pagano Ruggiero Sorrentino D'Amico Orlando Negri Mazzi Fattori Bompiani Seddio Chinnici Cendron Franzese Bombieri Vergassola Pavone Montesano Modiano Zanetti Fumagalli Brambilla Ferrario Bonomi Cavalli Colonna Corsi Cocco Cirillo Fiorentino Guidi Lazzari Lupo Manzoni Marras Melis Mele Nardi Orsini Pace Pagani Porcu Puglisi Rota Santi Schiavone Scotti Sironi Spinelli Tedesco Torre Valle Vasile Zanella Zanini Zucchi Zito Loi Deiana Carta Mura Pinna Murgia Bassi Bellucci Benetti Bertolini Boldrini Calabrese Cantoni Cappelli Caprioli Casadei Castelli Ceccarelli Cerutti Ciampi Crespi Cuccia Cusumano Di_Stefano Di_Marco Di_Pietro Lo_Russo La_Rosa Trombetta Mazzanti",
        nicks: "Giuseppe:Beppe,Peppe,Pino Giovanni:Gianni,Nino Francesco:Franco,Checco Salvatore:Totò,Turi Antonio:Tonino Alessandro:Sandro,Ale Roberto:Berto Vincenzo:Enzo Domenico:Mimmo Raffaele:Lello Luigi:Gigi Gabriele:Lele Federico:Fede Elisabetta:Betta Margherita:Rita Giuseppina:Pina,Peppina Francesca:Franci Alessandra:Ale Federica:Fede Valentina:Vale Antonietta:Tina Maddalena:Lena",
        domains: "gmail.com:52 libero.it:15 virgilio.it:10 hotmail.it:10 yahoo.it:8 alice.it:6 tiscali.it:5 outlook.it:4 icloud.com:3",
        cities: "Roma Milano Napoli Torino Palermo Genova Bologna Firenze Bari Catania Venezia Verona Messina Padova Trieste Brescia Parma Taranto Prato Modena Reggio_Calabria Reggio_Emilia Perugia Livorno Ravenna Cagliari Foggia Rimini Salerno Ferrara Sassari Latina Monza Siracusa Pescara Bergamo Trento Vicenza Terni Bolzano Novara Piacenza Ancona Lecce Udine San_Pier_d'Isonzo",
        streets: "Roma Garibaldi Mazzini Dante Cavour Verdi Vittorio_Emanuele_II Marconi Matteotti Gramsci XX_Settembre IV_Novembre della_Repubblica Nazionale dei_Mille Manzoni Leopardi San_Francesco Trieste Milano Umberto_I Colombo della_Libertà del_Popolo Puccini Montesano Vergassola Modiano",
        street_types: "Via=V. Viale=V.le Piazza=P.za Corso=C.so Largo=L.go Vicolo=Vic. Strada=Str. Contrada=C.da",
        mobile_fmt: "NNN_NNN_NNNN|172 *|149 +C#|141 +C_III_III_IIII|115 C#|31 NNN-NNN-NNNN|30 00C_III_III_IIII|28 00C#|25 +C-III-III-IIII|25 NNN.NNN.NNNN|18",
        landline_fmt: "NN_*|5 *|3 +C_II_#|1 +C#|1",
        family_word: "famiglia",
    },
    LocaleSrc {
        code: "BR",
        cc: "55",
        trunk: "",
        weight: 110,
        male: "Miguel Arthur Gael Heitor Théo Davi Gabriel Bernardo Samuel João_Miguel Enzo Pedro Lucas Matheus Guilherme Rafael Gustavo Felipe Leonardo Eduardo Bruno Rodrigo Thiago Diego Marcelo Fernando Ricardo André Fábio Márcio Paulo Carlos Luiz José João Antônio Francisco Sebastião Raimundo Manoel Benedito Joaquim Geraldo Severino Luís Sérgio Marcos Alexandre Roberto Vinícius Caio Daniel Henrique Leandro Renato Alex Júlio Rogério Anderson Wellington Cléber Edson Wagner Jefferson Kaique Liam Benjamin Murilo Otávio Igor Diogo Emanuel Luan Ícaro Yuri Renan Cauã Ryan Nicolas Vitor Breno Danilo Hugo Wesley Willian Jonas Elias Adriano Cristiano Reinaldo Ronaldo Rivaldo Romário Washington Valdir Nelson Cícero Osvaldo Gilberto Vagner Juliano Gustavo_Henrique",
        female: "Maria Ana Francisca Antônia Adriana Juliana Márcia Fernanda Patrícia Aline Sandra Camila Amanda Bruna Jéssica Letícia Júlia Luciana Vanessa Mariana Gabriela Vera Cristina Débora Larissa Beatriz Rafaela Carolina Alice Helena Laura Valentina Sophia Isabella Manuela Heloísa Luiza Lorena Lívia Giovanna Maria_Eduarda Maria_Clara Ana_Luiza Ana_Lívia Ana_Clara Maria_Luiza Stephany Natália Tatiana Daniela Renata Simone Cláudia Rosângela Rosana Sônia Regina Lúcia Terezinha Raimunda Aparecida Conceição Sebastiana Joana Josefa Rita Tânia Elaine Eliane Kelly Priscila Thaís Bianca Yasmin Lara Olívia Cecília Esther Clara Elisa Mirella Ingrid Karina Michele Silvana Denise Rosa Célia Neide Marlene Edna Irene Luana Milena Nathalia Paloma Raquel Sabrina Talita Viviane Yara",
        family: "Silva Santos Oliveira Souza Rodrigues Ferreira Alves Pereira Lima Gomes Costa Ribeiro Martins Carvalho Almeida Lopes Soares Fernandes Vieira Barbosa Rocha Dias Nascimento Andrade Moreira Nunes Marques Machado Mendes Freitas Cardoso Ramos Gonçalves Santana Teixeira Araújo Cavalcanti Pinto Monteiro Moura Correia Barros Campos Fonseca Viana Peixoto Brito Macedo Novais Câmara Mata Montenegro Siqueira Albuquerque Sales Melo Moraes Castro Azevedo Borges Batista Cunha Cruz Duarte Farias Fogaça Franco Garcia Guimarães Jesus Leite Lacerda Leal Magalhães Medeiros Miranda Nogueira Paiva Pacheco Porto Prado Queiroz Rezende Sampaio Sousa Tavares Toledo Valente Vasconcelos Xavier Bezerra Cordeiro Aragão Bastos Coelho Damasceno Estevão Falcão Galvão Lobo Maia Mattos Mota Neves Pires Quintela Rangel Rios Sá Salgado Serrano Simões Trindade Vaz Veloso Amaral Antunes Aguiar Assis Bento Bragança Brandão Caldeira Castilho Chaves Coutinho Diniz Espíndola Fontes Frota Lins Louro Lustosa Matos Mello Meireles Muniz Negreiros Pimentel Pontes Portela Quintão Resende Sarmento Souto Tenório Uchoa Valadares da_Silva dos_Santos de_Oliveira da_Costa de_Souza da_Rocha da_Cunha da_Mata da_Rosa",
        nicks: "José:Zé Francisco:Chico Antônio:Toninho Eduardo:Dudu Luiz:Lula Rafael:Rafa Roberto:Beto Carlos:Cacá Fernanda:Nanda Gabriela:Gabi Maria_Eduarda:Duda Isabella:Bela Juliana:Ju Mariana:Mari Leonardo:Léo Guilherme:Gui Vinícius:Vini Alexandre:Alê Rodrigo:Digo Patrícia:Paty Ana_Luiza:Analu",
        domains: "gmail.com:58 hotmail.com:15 yahoo.com.br:10 uol.com.br:10 bol.com.br:8 outlook.com:8 terra.com.br:4 ig.com.br:3",
        cities: "São_Paulo Rio_de_Janeiro Brasília Salvador Fortaleza Belo_Horizonte Manaus Curitiba Recife Goiânia Belém Porto_Alegre Guarulhos Campinas São_Luís São_Gonçalo Maceió Duque_de_Caxias Natal Teresina Campo_Grande Nova_Iguaçu São_Bernardo_do_Campo João_Pessoa Santo_André Osasco Ribeirão_Preto Uberlândia Sorocaba Contagem Aracaju Feira_de_Santana Cuiabá Joinville Juiz_de_Fora Londrina Niterói Florianópolis Vitória",
        streets: "das_Flores XV_de_Novembro Sete_de_Setembro Tiradentes Dom_Pedro_II São_João Santos_Dumont Getúlio_Vargas Rui_Barbosa Marechal_Deodoro Brasil Paulista Amazonas Bahia da_Independência Duque_de_Caxias José_Bonifácio Castro_Alves Barão_do_Rio_Branco da_Cunha Montenegro Valentim_Correia de_Melo Moraes",
        street_types: "Rua=R. Avenida=Av. Travessa=Tv. Alameda=Al. Praça=Pç. Estrada=Estr. Rodovia=Rod.",
        mobile_fmt: "(NN)_NNNNN-NNNN|227 +C#|198 *|151 +C_II_IIIII-IIII|119 00C#|46 (NN)-NNNNN-NNNN|41 C#|37 (NN)NNNNN-NNNN|36 (NN).NNNNN-NNNN|34 +C-II-IIIII-IIII|30 00C_II_IIIII-IIII|24",
        landline_fmt: "(NN)_NNNN-NNNN|5 *|3 +C_II_IIII-IIII|1 +C#|1",
        family_word: "familia",
    },
    LocaleSrc {
        code: "RO",
        cc: "40",
        trunk: "0",
        weight: 57,
        male: "Ion Gheorghe Vasile Constantin Nicolae Alexandru Mihai Andrei Ioan Dumitru Ștefan Florin Adrian Cristian Daniel Marian Gabriel Ionuț Bogdan Răzvan Sorin Cătălin Marius Lucian Valentin Dorin Dorinel Costel Viorel Ovidiu Radu Sebastian Claudiu Cosmin Robert Victor Petru Paul Emil Liviu Laurențiu Silviu Sergiu Traian Tudor Horia Vlad Mircea Octavian Eugen Aurel Remus Iulian Ciprian Dan Darius David Matei Luca Rareș Denis Eduard Nicușor Ghenadie Teodor Grigore Toma Titus Virgil Emanuel Iosif Marcel Augustin Dragoș Doru Gelu Horațiu Iacob Jenel Leonard Onisim Pavel Sabin Tiberiu Valeriu Vladimir Zaharia",
        female: "Maria Elena Ioana Ana Mihaela Andreea Cristina Daniela Gabriela Alexandra Adriana Mariana Georgiana Florentina Nicoleta Roxana Ramona Simona Alina Irina Oana Raluca Laura Diana Camelia Carmen Loredana Monica Larisa Bianca Denisa Alexia Sofia Antonia Amalia Alma Sorina Eftimia Jeana Gheorghița Rodica Doina Viorica Aurelia Angela Cornelia Emilia Lucia Natalia Paula Silvia Valentina Violeta Corina Luminița Mirela Liliana Anca Ecaterina Floarea Ileana Maricica Margareta Otilia Paraschiva Rozalia Smaranda Tatiana Teodora Veronica Anișoara Cosmina Delia Iulia Lavinia Mădălina Magdalena Marinela Medeea Narcisa Petronela Sânziana Steliana Timea Vasilica Virginia",
        family: "Popa Popescu Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Ionescu Rusu Munteanu Constantin Mihai Marin Tudor Florea Dinu Barbu Dima Manole Nemeș Ardelean Dochioiu Mazilescu Diaconescu Neagu Toma Moldovan Lazăr Ene Cristea Ilie Sandu Dobre Preda Nistor Georgescu Stanciu Anghel Voicu Lungu Vasile Oprea Mocanu Iordache Rădulescu Enache Surdu Dragomir Petrescu Stoian Niculescu Andrei Drăgan Căpraru Bălan Nedelcu Costache Dumitrescu Pavel Ursu Cojocaru Lupu Gavrilă Ioniță Coman Iancu Zamfir Dincă Sârbu Avram Boboc Bucur Bunea Cârstea Chiriac Cozma Crăciun Dobrescu Enescu Filip Grigore Husar Ilieș Iliescu Manea Marinescu Micu Mitrea Moraru Negru Nicolae Olteanu Paraschiv Pîrvu Pricop Roman Sava Șerban Suciu Tănase Teodorescu Toader Tomescu Trandafir Ungureanu Văduva Vlad Vlaicu Zaharia Bogdan Mihăilescu Andrieș Arsene Bratu Buzatu Călin Ciocan Ciubotaru Condrea Croitoru Damian Drăgulescu Fieraru Gheorghiu Hociung Ispas Jitaru Lupescu Mihalache Năstase Neacșu Oprescu Pascu Pană Răducanu Sima Spiridon Stănescu Tudose Vasilescu Zăvoianu",
        nicks: "Ion:Ionel,Nelu Gheorghe:Gică,Ghiță Constantin:Costel,Dinu Alexandru:Alex,Sandu Mihai:Mișu Vasile:Sile Nicolae:Nicu,Nae Dumitru:Mitică,Dumi Ștefan:Fane,Fănel Cristian:Cristi Gabriel:Gabi Ioan:Nelu Petru:Petrică Elena:Lenuța Gabriela:Gabi Alexandra:Alexa Mihaela:Miha Ecaterina:Cati",
        domains: "gmail.com:58 yahoo.com:20 yahoo.ro:10 hotmail.com:8 outlook.com:6 icloud.com:3",
        cities: "București Cluj-Napoca Timișoara Iași Constanța Craiova Brașov Galați Ploiești Oradea Brăila Arad Pitești Sibiu Bacău Târgu_Mureș Baia_Mare Buzău Botoșani Satu_Mare Râmnicu_Vâlcea Suceava Piatra_Neamț Drobeta-Turnu_Severin Târgoviște Focșani Bistrița Tulcea Reșița Slatina Călărași Alba_Iulia Giurgiu Deva Hunedoara Zalău Sfântu_Gheorghe Bârlad Vaslui Cajvana",
        streets: "Mihai_Eminescu Unirii Victoriei Libertății Ștefan_cel_Mare Mihai_Viteazu Republicii Independenței Florilor Trandafirilor Avram_Iancu Lalelelor Primăverii Păcii Tudor_Vladimirescu Decebal Traian Nicolae_Bălcescu Alexandru_Ioan_Cuza Gării Morii Școlii Stan Diaconescu",
        street_types: "Strada=Str. Bulevardul=Bd. Calea=Cal. Aleea=Al. Șoseaua=Șos. Piața=Pța.",
        mobile_fmt: "NNNN_NNN_NNN|111 *|85 +C_III_III_III|71 +C#|61 C#|27 00C#|21 +C_(0)III_III_III|20 +C-III-III-III|19 NNNN.NNN.NNN|19 NNNN-NNN-NNN|14 00C_III_III_III|14",
        landline_fmt: "NNN_NNN_NNNN|5 *|3 +C_II_III_IIII|1 +C#|1",
        family_word: "familia",
    },
];

/// One name, as printed and as it appears in an email local part.
pub struct Name {
    pub text: String,
    /// ASCII, lower case, no spaces or punctuation: "Müller" -> "muller".
    pub fold: String,
}

/// A street type and its abbreviation.
pub struct StreetType {
    pub full: String,
    pub abbr: String,
}

/// One phone template and its weight.
pub struct PhoneFmt {
    pub template: String,
    pub weight: u32,
}

/// Parsed, ready-to-use data for one country.
pub struct Locale {
    pub src: &'static LocaleSrc,
    pub male: Vec<Name>,
    pub female: Vec<Name>,
    pub family: Vec<Name>,
    /// Nicknames per given name, indexed like `male` / `female`.
    pub male_nicks: Vec<Vec<Name>>,
    pub female_nicks: Vec<Vec<Name>>,
    pub domains: Vec<(&'static str, u32)>,
    pub cities: Vec<String>,
    pub streets: Vec<String>,
    pub street_types: Vec<StreetType>,
    pub mobile_fmt: Vec<PhoneFmt>,
    pub landline_fmt: Vec<PhoneFmt>,
}

impl Locale {
    /// Parses every country's static description.
    pub fn all() -> Vec<Locale> {
        SOURCES.iter().map(Locale::parse).collect()
    }

    fn parse(src: &'static LocaleSrc) -> Locale {
        let male = names(src.male);
        let female = names(src.female);
        let nicks_of = |given: &[Name]| -> Vec<Vec<Name>> {
            given
                .iter()
                .map(|g| {
                    src.nicks
                        .split_whitespace()
                        .filter_map(|e| e.split_once(':'))
                        .filter(|(formal, _)| formal.replace('_', " ") == g.text)
                        .flat_map(|(_, nicks)| nicks.split(','))
                        .map(name)
                        .collect()
                })
                .collect()
        };
        Locale {
            src,
            male_nicks: nicks_of(&male),
            female_nicks: nicks_of(&female),
            male,
            female,
            family: names(src.family),
            domains: src
                .domains
                .split_whitespace()
                .filter_map(|e| e.split_once(':'))
                .map(|(d, w)| (d, w.parse().unwrap_or(1)))
                .collect(),
            cities: words(src.cities),
            streets: words(src.streets),
            street_types: src
                .street_types
                .split_whitespace()
                .map(|e| {
                    let (full, abbr) = e.split_once('=').unwrap_or((e, e));
                    StreetType {
                        full: full.replace('_', " "),
                        abbr: abbr.replace('_', " "),
                    }
                })
                .collect(),
            mobile_fmt: phone_fmts(src.mobile_fmt),
            landline_fmt: phone_fmts(src.landline_fmt),
        }
    }
}

fn words(list: &str) -> Vec<String> {
    list.split_whitespace()
        .map(|w| w.replace('_', " "))
        .collect()
}

fn names(list: &str) -> Vec<Name> {
    list.split_whitespace().map(name).collect()
}

fn name(word: &str) -> Name {
    let text = word.replace('_', " ");
    let mut fold = String::with_capacity(text.len());
    fold_ascii(&text, &mut fold);
    Name { text, fold }
}

fn phone_fmts(list: &str) -> Vec<PhoneFmt> {
    list.split_whitespace()
        .map(|e| {
            let (t, w) = e.rsplit_once('|').unwrap_or((e, "1"));
            PhoneFmt {
                template: t.replace('_', " "),
                weight: w.parse().unwrap_or(1),
            }
        })
        .collect()
}

/// Appends `s` folded the way people type names into email addresses:
/// accents dropped, ß as ss, lower case, anything but letters and digits removed.
pub fn fold_ascii(s: &str, out: &mut String) {
    for c in s.chars() {
        let folded: &str = match c {
            'a'..='z' | '0'..='9' => {
                out.push(c);
                continue;
            }
            'A'..='Z' => {
                out.push(c.to_ascii_lowercase());
                continue;
            }
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ă' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Ă' => {
                "a"
            }
            'ç' | 'Ç' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
            'ñ' | 'Ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => "o",
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
            'ș' | 'ş' | 'Ș' | 'Ş' => "s",
            'ț' | 'ţ' | 'Ț' | 'Ţ' => "t",
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            _ => "",
        };
        out.push_str(folded);
    }
}
